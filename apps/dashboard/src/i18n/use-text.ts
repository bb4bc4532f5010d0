// The chosen language (Danish unless the person switched) and the text lookup, shared by context.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type Language, MESSAGES, type MessageKey } from "./messages.js";

const STORAGE_KEY = "safetynet.language";

export function initialLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "da";
  } catch {
    return "da";
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private browsing: the choice lasts this page only
  }
  document.documentElement.lang = language;
}

export interface TextContext {
  language: Language;
  setLanguage(language: Language): void;
}

export const LanguageContext = createContext<TextContext>({ language: "da", setLanguage: () => {} });

export type Translate = (key: MessageKey | string) => string;

export function useText(): { t: Translate; language: Language; setLanguage(language: Language): void } {
  const context = useContext(LanguageContext);
  const table = MESSAGES[context.language];
  // Unknown keys (an outcome or status the API added later) show as themselves, never blank.
  const t: Translate = (key) => (table as Record<string, string>)[key] ?? key.replace(/^[a-z]+_/, "");
  return { t, language: context.language, setLanguage: context.setLanguage };
}

/** Dates as staff read them: local time, the language's own format. */
export function formatDate(
  value: string | null | undefined,
  language: Language,
  withTime = true,
  style: "medium" | "short" = "medium",
): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(language === "da" ? "da-DK" : "en-GB", {
    dateStyle: style,
    ...(withTime ? { timeStyle: "short" } : {}),
  });
}
