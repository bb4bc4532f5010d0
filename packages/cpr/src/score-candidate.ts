// Turns one CPR-shaped candidate into a confidence with its reasons, or null when its digits are
// no valid CPR number (no real date, or a date in the future). Weights are documented in README.md.
import { birthDateOf } from "./birth-date.js";
import { cprWordAfter, labelBefore } from "./context-label.js";
import { shapeClues } from "./context-shape.js";
import { passesModulus11 } from "./modulus-11.js";
import type { Candidate } from "./scan-candidates.js";
import type { CprForm } from "./types.js";

/**
 * The canonical written form DDMMYY-SSSS is stronger evidence than ten bare digits; enough that a
 * hyphenated number after another kind of label still reaches MASK_THRESHOLD (0.65 - 0.45 = 0.2)
 * while ten bare labelled digits that pass modulus 11 do not (0.5 + 0.1 - 0.45 = 0.15).
 */
const FORM_BASE: Record<CprForm, number> = { hyphen: 0.65, compact: 0.5, space: 0.5 };
/** A random ten-digit string passes modulus 11 one time in eleven; most pre-2007 numbers pass. */
const MODULUS_11_BONUS = 0.1;
const CPR_KEYWORD_BONUS = 0.4;
const OTHER_LABEL_PENALTY = 0.45;

/** Clamped to 0..1 and rounded to hundredths, so sums such as 0.65 - 0.45 compare as 0.2. */
function toConfidence(sum: number): number {
  return Math.round(Math.min(1, Math.max(0, sum)) * 100) / 100;
}

export interface Scored {
  confidence: number;
  reasons: string[];
}

/**
 * The candidate's confidence and reasons; null when it is no valid CPR number, or when it cannot
 * reach `threshold` any more (every step after the label only lowers confidence, so the shape
 * clues are skipped for numbers a label has already ruled out: most look-alikes in real text).
 */
export function scoreCandidate(text: string, candidate: Candidate, now: Date, threshold = 0): Scored | null {
  if (birthDateOf(candidate.digits, now) === null) return null;
  const reasons = ["valid-date", `form:${candidate.form}`];
  let confidence = FORM_BASE[candidate.form];

  if (passesModulus11(candidate.digits)) {
    confidence += MODULUS_11_BONUS;
    reasons.push("modulus-11");
  }

  const label = labelBefore(text, candidate.offset);
  // A label before the number outranks a keyword after it ("Faktura 0102031234 ... CPR").
  const wordAfter = label.kind === "none" ? cprWordAfter(text, candidate.offset + candidate.length) : null;
  if (label.kind === "cpr" || wordAfter !== null) {
    confidence += CPR_KEYWORD_BONUS;
    reasons.push(`keyword:${label.kind === "cpr" ? label.word : wordAfter}`);
  } else if (label.kind === "other") {
    confidence -= OTHER_LABEL_PENALTY;
    reasons.push(`context:${label.word}`);
  }

  if (toConfidence(confidence) < threshold) return null;

  let weakPenalty = 0;
  for (const clue of shapeClues(text, candidate, label.kind === "cpr", now)) {
    if (clue.weak) weakPenalty = Math.max(weakPenalty, clue.penalty);
    else confidence -= clue.penalty;
    reasons.push(clue.reason);
  }
  confidence -= weakPenalty;
  return { confidence: toConfidence(confidence), reasons };
}
