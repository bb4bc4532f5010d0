import { describe, expect, it } from "vitest";
import { DomainRateLimiter } from "./domain-rate-limiter.js";

describe("DomainRateLimiter", () => {
  it("allows a burst, then spaces notices to one domain, other domains unaffected", () => {
    let now = 0;
    const limiter = new DomainRateLimiter(60, () => now); // one a second, burst of 10
    for (let i = 0; i < 10; i++) expect(limiter.take("kommune.example")).toBe(0);
    expect(limiter.take("kommune.example")).toBe(1000);
    expect(limiter.take("other.example")).toBe(0);
    now = 1000;
    expect(limiter.take("kommune.example")).toBe(0);
  });
  it("gives back a token for a notice that was held instead of sent", () => {
    const limiter = new DomainRateLimiter(6, () => 0); // burst of 1
    expect(limiter.take("d")).toBe(0);
    expect(limiter.take("d")).toBeGreaterThan(0);
    limiter.refund("d");
    expect(limiter.take("d")).toBe(0);
  });
  it("never waits with a limit of 0", () => {
    const limiter = new DomainRateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take("x")).toBe(0);
  });
});
