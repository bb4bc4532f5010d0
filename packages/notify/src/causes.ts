// The causes a failure is classified into (packages/classifier), as the notice templates know
// them. An unknown cause string falls back to `unknown` rather than producing no notice.
import { CAUSES, type Cause } from "@safetynet/core";

export { CAUSES, type Cause };

export function toCause(value: string | null | undefined): Cause {
  return (CAUSES as readonly string[]).includes(value ?? "") ? (value as Cause) : "unknown";
}

export const LANGUAGES = ["da", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Danish unless the directory says English: the municipality's working language. */
export function toLanguage(value: string | null | undefined): Language {
  return value?.trim().toLowerCase().startsWith("en") ? "en" : "da";
}
