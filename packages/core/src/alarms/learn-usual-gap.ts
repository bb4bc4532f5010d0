// A mailbox's usual gap between two messages, learned from its history: the largest gap seen
// once the top 1% is set aside (one past outage must not become the normal). With fewer than
// MIN_GAPS gaps there is nothing to learn from and the floor alone decides.
export const MIN_GAPS = 10;

/** How many of the largest gaps the rule reads out of `count` (the database sends only these). */
export function largestGapsNeeded(count: number): number {
  return Math.floor(count / 100) + 1;
}

/**
 * @param count how many gaps the learning window holds
 * @param largestDesc the largest gaps, largest first (at least largestGapsNeeded(count) of them)
 */
export function learnUsualGap(count: number, largestDesc: readonly number[]): number | null {
  if (count < MIN_GAPS) return null;
  return largestDesc[Math.floor(count / 100)] ?? null;
}
