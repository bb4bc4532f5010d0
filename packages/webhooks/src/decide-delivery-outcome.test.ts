import { describe, expect, it } from "vitest";
import { DISABLE_AFTER_MS, decideDeliveryOutcome } from "./decide-delivery-outcome.js";

const now = new Date("2026-12-04T10:00:00Z");
const base = { attempt: 1, retryAfterMs: null, now, failingSince: null, random: () => 0.5 };

describe("decideDeliveryOutcome", () => {
  it("2xx delivers and clears the endpoint's run of failures", () => {
    const outcome = decideDeliveryOutcome({ ...base, httpStatus: 204, failingSince: new Date(0) });
    expect(outcome).toEqual({
      succeeded: true,
      next: { kind: "done" },
      endpoint: { failingSince: null, disable: null },
    });
  });

  it("500 retries on the schedule and starts the run of failures now", () => {
    const outcome = decideDeliveryOutcome({ ...base, httpStatus: 500 });
    expect(outcome.next).toEqual({ kind: "retry", at: new Date(now.getTime() + 5_000) });
    expect(outcome.endpoint).toEqual({ failingSince: now, disable: null });
  });

  it("a 3xx is a failure, not something to follow", () => {
    expect(decideDeliveryOutcome({ ...base, httpStatus: 302 }).succeeded).toBe(false);
  });

  it("410 gives up and disables the endpoint", () => {
    const outcome = decideDeliveryOutcome({ ...base, httpStatus: 410 });
    expect(outcome.next).toEqual({ kind: "give-up" });
    expect(outcome.endpoint.disable).toBe("gone");
  });

  it("honours Retry-After on 429 and 503 only", () => {
    const later = (httpStatus: number) =>
      decideDeliveryOutcome({ ...base, httpStatus, retryAfterMs: 60_000 }).next as { at: Date };
    expect(later(429).at.getTime() - now.getTime()).toBe(60_000);
    expect(later(503).at.getTime() - now.getTime()).toBe(60_000);
    expect(later(500).at.getTime() - now.getTime()).toBe(5_000);
  });

  it("gives up after the last attempt", () => {
    expect(decideDeliveryOutcome({ ...base, attempt: 8, httpStatus: null }).next).toEqual({ kind: "give-up" });
  });

  it("disables an endpoint failing for five days", () => {
    const since = new Date(now.getTime() - DISABLE_AFTER_MS);
    const outcome = decideDeliveryOutcome({ ...base, httpStatus: 500, failingSince: since });
    expect(outcome.endpoint).toEqual({ failingSince: since, disable: "failing" });
    const almost = new Date(now.getTime() - DISABLE_AFTER_MS + 60_000);
    expect(decideDeliveryOutcome({ ...base, httpStatus: 500, failingSince: almost }).endpoint.disable).toBeNull();
  });
});
