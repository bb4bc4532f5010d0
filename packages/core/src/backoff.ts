// Capped exponential backoff with full jitter for reconnects (STYLE.md rule 10). Pure: the
// random source is a parameter so tests can pin it.
export interface BackoffPolicy {
  /** Delay before the first retry, in ms. */
  baseMs: number;
  /** No delay grows beyond this, in ms. */
  maxMs: number;
  /** 0..1: the share of the delay that is randomised (1 = "full jitter", AWS architecture blog). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 300_000, jitter: 0.5 };

/**
 * Delay before retry number `attempt` (0 = first retry). The exponential part is capped first,
 * then jitter takes a random share off it, so many pollers restarted by one outage spread out
 * instead of reconnecting in lock-step.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const safeAttempt = Math.max(0, Math.min(Math.floor(attempt), 62));
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** safeAttempt);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(exponential * (1 - jitter * random()));
}
