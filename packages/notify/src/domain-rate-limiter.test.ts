import { describe, expect, it } from "vitest";
import { createDomainRateLimiter } from "./domain-rate-limiter.js";

describe("createDomainRateLimiter (in memory)", () => {
  it("allows a burst of ten seconds' worth, then makes one domain wait; other domains unaffected", async () => {
    const limiter = createDomainRateLimiter(60); // one a second on average, bursts of 10
    for (let i = 0; i < 10; i++) expect(await limiter.take("kommune.example")).toBe(0);
    const wait = await limiter.take("kommune.example");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10_000);
    expect(await limiter.take("other.example")).toBe(0);
  });
  it("gives back what was taken for a notice that was held instead of sent", async () => {
    const limiter = createDomainRateLimiter(6); // bursts of 1 per 10 s
    expect(await limiter.take("d")).toBe(0);
    expect(await limiter.take("d")).toBeGreaterThan(0);
    await limiter.refund("d");
    await limiter.refund("d");
    expect(await limiter.take("d")).toBe(0);
  });
  it("never waits with a limit of 0", async () => {
    const limiter = createDomainRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(await limiter.take("x")).toBe(0);
  });
});
