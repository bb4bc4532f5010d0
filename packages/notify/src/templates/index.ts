// Picks the texts for a language; Danish is the default for anything the directory does not say.
import type { Language } from "../causes.js";
import { da } from "./da.js";
import { en } from "./en.js";
import type { TemplateStrings } from "./template-strings.js";

export function templatesFor(language: Language): TemplateStrings {
  return language === "en" ? en : da;
}

export type { CauseText, TemplateStrings } from "./template-strings.js";
