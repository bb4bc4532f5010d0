// Confidence thresholds and tiers: where find() reports a match and where mask() hides one.
// mask() is a leak guard, so it hides more (anything plausible) than find() reports as a cause.
import type { CprTier } from "./types.js";

/**
 * find()/containsCpr() report matches at or above this. 0.5 means: a valid date-and-century
 * number in a CPR form with no context that marks it as some other number. This is what decides
 * the `cpr-in-subject` cause, so it must not fire on invoice numbers or date-and-time stamps.
 */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * mask() hides matches at or above this. Lower than DEFAULT_THRESHOLD on purpose: a guard in
 * front of logs, notices and the API should also hide numbers that are valid CPR numbers but
 * whose context makes them look like something else (a date and time, a number glued to a word,
 * a hyphenated number after an invoice label). Only strong counter-evidence keeps a valid number
 * unmasked: a phone prefix, a Message-ID or address, or a label for another kind of number on ten
 * bare digits.
 */
export const MASK_THRESHOLD = 0.2;

/** high: a CPR keyword backs the number; medium: it looks like one on its own; low: doubtful. */
export function tierOf(confidence: number): CprTier {
  if (confidence >= 0.8) return "high";
  if (confidence >= DEFAULT_THRESHOLD) return "medium";
  return "low";
}
