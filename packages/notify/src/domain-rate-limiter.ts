// Per-recipient-domain rate limit (NOTICE_RATE_PER_DOMAIN per minute) as a token bucket, so a
// systemic incident with hundreds of notices does not trip our own mail server's throttling.
// Kept in the worker's memory: with N worker processes the total rate is N times the setting.
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Pure step: refill by elapsed time, then take one token or say how long to wait for one. */
export function takeToken(bucket: Bucket | undefined, now: number, perMinute: number): { bucket: Bucket; waitMs: number } {
  const capacity = Math.max(1, Math.ceil(perMinute / 6)); // a burst of ten seconds' worth
  const ratePerMs = perMinute / 60_000;
  const current = bucket ?? { tokens: capacity, updatedAt: now };
  const tokens = Math.min(capacity, current.tokens + (now - current.updatedAt) * ratePerMs);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedAt: now }, waitMs: 0 };
  return { bucket: { tokens, updatedAt: now }, waitMs: Math.ceil((1 - tokens) / ratePerMs) };
}

export class DomainRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly perMinute: number, private readonly clock: () => number = Date.now) {}

  /** 0 when a notice to `domain` may go now, else milliseconds to wait. 0 per minute: no limit. */
  take(domain: string): number {
    if (this.perMinute <= 0) return 0;
    const { bucket, waitMs } = takeToken(this.buckets.get(domain), this.clock(), this.perMinute);
    this.buckets.set(domain, bucket);
    return waitMs;
  }

  /** Give back a token taken for a notice that then did not go out (it was held for a digest). */
  refund(domain: string): void {
    const bucket = this.buckets.get(domain);
    if (bucket && this.perMinute > 0) bucket.tokens = Math.min(Math.max(1, Math.ceil(this.perMinute / 6)), bucket.tokens + 1);
  }
}
