// When one person gets many failures within minutes (a caseworker sending a batch, a systemic
// fault), the first few notices go out at once and the rest wait, then leave as one digest.
export interface DigestInput {
  now: Date;
  /** NOTICE_DIGEST_MINUTES; 0 turns digests off. */
  windowMinutes: number;
  /** NOTICE_DIGEST_THRESHOLD: notices to one person within the window that still go out singly. */
  threshold: number;
  /** Other notices to this person created within the window before this one. */
  recentCount: number;
  /** This notice's own hold, if an earlier run put it on hold. */
  holdUntil: Date | null;
  /** The hold of another notice already waiting for this person, so all wait for one digest. */
  pendingHoldUntil: Date | null;
}

export type DigestDecision = { action: "send-now" } | { action: "hold"; until: Date } | { action: "send-digest" };

export function decideDigest(input: DigestInput): DigestDecision {
  if (input.holdUntil) {
    return input.now >= input.holdUntil ? { action: "send-digest" } : { action: "hold", until: input.holdUntil };
  }
  if (input.windowMinutes <= 0 || input.recentCount < input.threshold) return { action: "send-now" };
  if (input.pendingHoldUntil && input.pendingHoldUntil > input.now)
    return { action: "hold", until: input.pendingHoldUntil };
  return { action: "hold", until: new Date(input.now.getTime() + input.windowMinutes * 60_000) };
}
