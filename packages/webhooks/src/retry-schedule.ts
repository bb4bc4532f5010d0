// When to try a failed delivery again: the Standard Webhooks / Svix schedule (immediately, then
// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), with jitter so many endpoints that failed together
// do not all come back at once, and a receiver's Retry-After (429, 503) never undercut. Pure.
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before attempt n+1 (index n-1 after attempt n); the first attempt is immediate. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** Attempts in all: the immediate one plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** A Retry-After longer than this is treated as this: a receiver cannot park an event for ever. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

export interface RetryOptions {
  /** Share of the delay added or taken off at random (0.2: ±20%). */
  jitter?: number;
  /** The receiver's Retry-After, in ms, when it answered 429 or 503. */
  retryAfterMs?: number | null;
  random?: () => number;
}

/** Delay in ms before the next attempt after attempt `attempt` (1-based) failed; null when none is left. */
export function nextRetryDelay(attempt: number, options: RetryOptions = {}): number | null {
  const base = RETRY_DELAYS_MS[attempt - 1];
  if (base === undefined) return null;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.2));
  const random = options.random ?? Math.random;
  const jittered = Math.round(base * (1 + jitter * (2 * random() - 1)));
  const retryAfter = Math.min(options.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.max(jittered, retryAfter);
}
