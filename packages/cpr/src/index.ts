// @safetynet/cpr: finds Danish CPR numbers in text and masks them (`DDMMXX-XXXX`); pure, no I/O.
// Rules, sources, tiers and measured figures are in ../README.md.
export { containsCpr, find } from "./find.js";
export { mask } from "./mask.js";
export { maskDigits } from "./mask-digits.js";
export { DEFAULT_THRESHOLD, MASK_THRESHOLD, tierOf } from "./thresholds.js";
export type { CprForm, CprMatch, CprOptions, CprTier } from "./types.js";
