import { describe, expect, it } from "vitest";
import { decideDigest } from "./decide-digest.js";

const now = new Date("2026-11-28T10:00:00Z");
const base = { now, windowMinutes: 10, threshold: 3, recentCount: 0, holdUntil: null, pendingHoldUntil: null };

describe("decideDigest", () => {
  it("sends at once below the threshold or with digests off", () => {
    expect(decideDigest({ ...base, recentCount: 2 })).toEqual({ action: "send-now" });
    expect(decideDigest({ ...base, recentCount: 50, windowMinutes: 0 })).toEqual({ action: "send-now" });
  });
  it("holds for one window, joining a hold already waiting", () => {
    expect(decideDigest({ ...base, recentCount: 3 })).toEqual({
      action: "hold",
      until: new Date("2026-11-28T10:10:00Z"),
    });
    const waiting = new Date("2026-11-28T10:04:00Z");
    expect(decideDigest({ ...base, recentCount: 5, pendingHoldUntil: waiting })).toEqual({
      action: "hold",
      until: waiting,
    });
  });
  it("sends the digest once its hold is over", () => {
    expect(decideDigest({ ...base, holdUntil: new Date("2026-11-28T09:59:00Z") })).toEqual({ action: "send-digest" });
    expect(decideDigest({ ...base, holdUntil: new Date("2026-11-28T10:01:00Z") }).action).toBe("hold");
  });
});
