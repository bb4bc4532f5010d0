// Public shapes of the CPR package: what a match looks like and which options find/mask take.
// Kept in one file so the NDR parser, the CLI and the guard code all agree on one contract.

/** How sure we are that a match is a CPR number; derived from `confidence` (see thresholds.ts). */
export type CprTier = "high" | "medium" | "low";

export interface CprMatch {
  /** UTF-16 offset of the first digit in the scanned text. */
  offset: number;
  /** Length of the matched text, separator included (10 or 11). */
  length: number;
  /** Day and month kept, year and serial hidden: `DDMMXX-XXXX`. Never the full number. */
  masked: string;
  /** 0..1; find/mask report matches at or above their threshold. */
  confidence: number;
  tier: CprTier;
  /** Why the confidence is what it is, e.g. `form:hyphen`, `keyword:cpr`, `context:faktura`. */
  reasons: string[];
}

export interface CprOptions {
  /** Report matches with confidence at or above this (default: DEFAULT_THRESHOLD, mask: MASK_THRESHOLD). */
  threshold?: number;
  /** "Today" for the not-in-the-future rule and the date-and-time heuristic (default: the clock). */
  now?: Date;
}

/** How the ten digits were written: `010203-1234`, `0102031234` or `010203 1234`. */
export type CprForm = "hyphen" | "compact" | "space";
