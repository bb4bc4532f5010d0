import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryDelay } from "./retry-schedule.js";

const S = 1_000;
const M = 60 * S;
const H = 60 * M;

describe("nextRetryDelay", () => {
  it("follows immediate, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h without jitter", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, index) => nextRetryDelay(index + 1, { jitter: 0 }));
    expect(MAX_ATTEMPTS).toBe(8);
    expect(delays).toEqual([5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H, null]);
  });

  it("spreads each delay by at most the jitter share, both ways", () => {
    expect(nextRetryDelay(3, { random: () => 0 })).toBe(24 * M);
    expect(nextRetryDelay(3, { random: () => 0.999999 })).toBeCloseTo(36 * M, -2);
    for (let i = 0; i < 200; i++) {
      const delay = nextRetryDelay(2)!;
      expect(delay).toBeGreaterThanOrEqual(4 * M);
      expect(delay).toBeLessThanOrEqual(6 * M);
    }
  });

  it("never retries before a Retry-After, and caps a huge one at a day", () => {
    expect(nextRetryDelay(1, { jitter: 0, retryAfterMs: 120 * S })).toBe(120 * S);
    expect(nextRetryDelay(4, { jitter: 0, retryAfterMs: 1 * S })).toBe(2 * H);
    expect(nextRetryDelay(1, { jitter: 0, retryAfterMs: 1000 * H })).toBe(24 * H);
  });
});
