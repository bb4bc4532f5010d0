// One ceiling for every notice, sized to the relay that carries them (NOTICE_RELAY_RATE per
// second, shared by all worker processes). Notices only go to our own people (routing never
// mails an external domain), so the one thing a flood of them can hurt is our own relay: a limit
// per recipient domain would only ever meet the municipality's own domain, and throttle everyone.
// rate-limiter-flexible keeps the count in Redis (in memory if Redis fails, and in unit tests).
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface RelayRateLimiter {
  /** 0 when a notice may go now, else milliseconds to wait. */
  take(): Promise<number>;
  /** Give back what `take` took for a notice that then did not go out (it was held for a digest). */
  refund(): Promise<void>;
}

export interface SharedRateStore {
  redis: Redis;
  /** The count lives at `<keyPrefix>:relay`. */
  keyPrefix: string;
}

const KEY = "relay";

/**
 * At most `perSecond` notices in each window of `windowSeconds` (1 in production; tests stretch
 * the window so that a loaded machine cannot let it pass mid-test); 0: no ceiling.
 */
export function createRelayRateLimiter(
  perSecond: number,
  shared?: SharedRateStore,
  windowSeconds = 1,
): RelayRateLimiter {
  if (perSecond <= 0) return { take: async () => 0, refund: async () => undefined };
  const points = perSecond;
  const duration = windowSeconds;
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
    async take() {
      try {
        await limiter.consume(KEY);
        return 0;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
        throw error;
      }
    },
    async refund() {
      await limiter.reward(KEY, 1);
    },
  };
}
