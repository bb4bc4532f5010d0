import { describe, expect, it } from "vitest";
import { isStillRunning, timeChangeCutoffs } from "./incident-rules.js";
import { DEFAULT_GROUP_SETTINGS as settings } from "./settings.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the still-running rule", () => {
  const open = { scope: "systemic" as const, status: "open" as const, lastSeen: 10 * HOUR, resolvedAt: null };

  it("runs until its scope's quiet period has passed since the last failure", () => {
    expect(isStillRunning(open, 10 * HOUR + 4 * HOUR - 1, settings)).toBe(true);
    expect(isStillRunning(open, 14 * HOUR, settings)).toBe(false);
    const pattern = { ...open, scope: "pattern" as const };
    expect(isStillRunning(pattern, 10 * HOUR + 6 * DAY, settings)).toBe(true);
    expect(isStillRunning(pattern, 10 * HOUR + 7 * DAY, settings)).toBe(false);
  });

  it("a resolved incident takes only failures from within its life", () => {
    const resolved = { ...open, status: "resolved" as const, resolvedAt: 14 * HOUR };
    expect(isStillRunning(resolved, 13 * HOUR, settings)).toBe(true);
    expect(isStillRunning(resolved, 14 * HOUR, settings)).toBe(false);
    expect(isStillRunning({ ...resolved, resolvedAt: null }, 11 * HOUR, settings)).toBe(false);
  });

  it("the sweep's cut-offs are the same rule seen from now", () => {
    const now = 100 * HOUR;
    const cutoffs = timeChangeCutoffs(now, settings);
    expect(cutoffs.pendingFirstSeenBy).toBe(now - settings.groupWaitMs);
    for (const scope of ["systemic", "pattern"] as const) {
      const lastSeen = cutoffs.quietLastSeenBy[scope];
      expect(isStillRunning({ ...open, scope, lastSeen }, now, settings)).toBe(false);
      expect(isStillRunning({ ...open, scope, lastSeen: lastSeen + 1 }, now, settings)).toBe(true);
    }
  });
});
