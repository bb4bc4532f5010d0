// find() and containsCpr(): every CPR number in a text with offset, masked value, confidence, tier
// and reasons. Pure: the only input besides the text is `now` (default: the clock).
import { maskDigits } from "./mask-digits.js";
import { scanCandidates } from "./scan-candidates.js";
import { scoreCandidate } from "./score-candidate.js";
import { DEFAULT_THRESHOLD, tierOf } from "./thresholds.js";
import type { CprMatch, CprOptions } from "./types.js";

export function find(text: string, options: CprOptions = {}): CprMatch[] {
  const matches: CprMatch[] = [];
  if (text.length < 10) return matches; // shorter than any CPR number
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const now = options.now ?? new Date();
  scanCandidates(text, (candidate) => {
    const scored = scoreCandidate(text, candidate, now, threshold);
    if (scored === null || scored.confidence < threshold) return;
    matches.push({
      offset: candidate.offset,
      length: candidate.length,
      masked: maskDigits(candidate.digits),
      confidence: scored.confidence,
      tier: tierOf(scored.confidence),
      reasons: scored.reasons,
    });
  });
  return matches;
}

export function containsCpr(text: string, options: CprOptions = {}): boolean {
  return find(text, options).length > 0;
}
