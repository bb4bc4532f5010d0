// Finds every CPR-shaped run in a text: six digits, an optional separator, four digits, with no
// digit directly before or after (a CPR number is never part of a longer digit run).
import type { CprForm } from "./types.js";

export interface Candidate {
  offset: number;
  length: number;
  /** The ten digits without the separator. */
  digits: string;
  form: CprForm;
}

// Separators seen in real subjects: ASCII hyphen, the Unicode hyphens and dashes that Word and
// Outlook autocorrect "-" into (U+2010, U+2011, U+2013, U+2014), a space and a no-break space.
// A guard that missed `010203–1234` (en dash) would leak exactly the numbers people type by hand.
const CANDIDATE = /(?<!\d)(\d{6})([-\u2010\u2011\u2013\u2014 \u00a0]?)(\d{4})(?!\d)/g;

/** Calls `visit` for each candidate in text order; no array of candidates is built (100 MB scans). */
export function scanCandidates(text: string, visit: (candidate: Candidate) => void): void {
  // A fresh regex per call: a shared global one would carry lastIndex between re-entrant calls.
  const pattern = new RegExp(CANDIDATE);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const separator = m[2]!;
    const form: CprForm =
      separator === "" ? "compact" : separator === " " || separator === "\u00a0" ? "space" : "hyphen";
    visit({ offset: m.index, length: m[0].length, digits: m[1]! + m[3]!, form });
  }
}
