import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

const policy = { baseMs: 1_000, maxMs: 60_000, jitter: 0.5 };

describe("backoffDelay", () => {
  it("doubles per attempt without jitter and stops at the cap", () => {
    const none = () => 0;
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, policy, none))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(10, policy, none)).toBe(60_000);
    expect(backoffDelay(10_000, policy, none)).toBe(60_000);
  });
  it("takes at most the jitter share off the delay", () => {
    expect(backoffDelay(3, policy, () => 0.999_999)).toBeGreaterThanOrEqual(4_000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(5, policy);
      expect(delay).toBeGreaterThanOrEqual(16_000);
      expect(delay).toBeLessThanOrEqual(32_000);
    }
  });
  it("treats a negative attempt as the first", () => {
    expect(backoffDelay(-3, policy, () => 0)).toBe(1_000);
  });
});
