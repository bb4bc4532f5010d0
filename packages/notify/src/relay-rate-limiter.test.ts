import { describe, expect, it } from "vitest";
import { createRelayRateLimiter } from "./relay-rate-limiter.js";

describe("createRelayRateLimiter (in memory)", () => {
  it("lets the ceiling through in one second, then makes the next notice wait for the window", async () => {
    const limiter = createRelayRateLimiter(10);
    for (let i = 0; i < 10; i++) expect(await limiter.take()).toBe(0);
    const wait = await limiter.take();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1_000);
  });
  it("gives back what was taken for a notice that was held instead of sent", async () => {
    const limiter = createRelayRateLimiter(1);
    expect(await limiter.take()).toBe(0);
    expect(await limiter.take()).toBeGreaterThan(0);
    await limiter.refund();
    await limiter.refund();
    expect(await limiter.take()).toBe(0);
  });
  it("never waits with a ceiling of 0", async () => {
    const limiter = createRelayRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(await limiter.take()).toBe(0);
  });
});
