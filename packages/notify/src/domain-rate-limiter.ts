// Per-recipient-domain rate limit (NOTICE_RATE_PER_DOMAIN per minute), so a systemic incident with
// hundreds of notices does not trip our own mail server's throttling. rate-limiter-flexible keeps
// the count: in Redis when the worker gives a connection, so every worker process shares one
// budget per domain (in memory if Redis fails meanwhile, and in memory for tests without Redis).
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface DomainRateLimiter {
  /** 0 when a notice to `domain` may go now, else milliseconds to wait. */
  take(domain: string): Promise<number>;
  /** Give back what `take` took for a notice that then did not go out (it was held for a digest). */
  refund(domain: string): Promise<void>;
}

export interface SharedRateStore {
  redis: Redis;
  /** Keys are `<keyPrefix>:<domain>`. */
  keyPrefix: string;
}

/** Bursts of ten seconds' worth, then spaced: the same average as `perMinute`. 0 per minute: no limit. */
export function createDomainRateLimiter(perMinute: number, shared?: SharedRateStore): DomainRateLimiter {
  if (perMinute <= 0) return { take: async () => 0, refund: async () => undefined };
  const points = Math.max(1, Math.ceil(perMinute / 6));
  const duration = Math.max(1, Math.round((points * 60) / perMinute));
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: "notice-rate" });
  const limiter: RateLimiterAbstract = shared
    ? new RateLimiterRedis({
        storeClient: shared.redis,
        keyPrefix: shared.keyPrefix,
        points,
        duration,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async take(domain) {
      try {
        await limiter.consume(domain);
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
        throw error;
      }
    },
    async refund(domain) {
      await limiter.reward(domain, 1);
    },
  };
}
