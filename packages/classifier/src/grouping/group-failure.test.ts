import { describe, expect, it } from "vitest";
import { groupFailure, tickGroup } from "./group-failure.js";
import { MemoryGrouper } from "./memory-grouper.js";
import { DEFAULT_GROUP_SETTINGS as settings } from "./settings.js";
import type { GroupInput, GroupState } from "./types.js";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);

function input(n: number, at: number, overrides: Partial<GroupInput> = {}): GroupInput {
  return {
    ref: `f${n}`,
    at,
    sender: `s${n}@kommune.example`,
    fingerprint: "fp",
    fingerprintVersion: 1,
    cause: "spam-or-content-filter",
    nature: "threshold",
    patternable: false,
    responsible: "recipient",
    reportingHost: null,
    recipientDomain: "x.example",
    live: true,
    ...overrides,
  };
}

const empty: GroupState = { fingerprint: "fp", unattached: [], baseline: [], latest: null, silences: [] };

describe("grouping step", () => {
  it("opens a systemic incident at the Nth distinct sender within W and takes the earlier ones along", () => {
    let state = empty;
    for (const n of [0, 1]) state = groupFailure(state, input(n, T0 + n * MINUTE), settings).state;
    expect(state.latest).toBeNull();
    const third = groupFailure(state, input(2, T0 + 10 * MINUTE), settings);
    expect(third.state.latest).toMatchObject({
      key: "fp-1",
      scope: "systemic",
      failureCount: 3,
      distinctSenders: 3,
      status: "open",
    });
    expect(third.effects).toContainEqual({ type: "failures-attached", incidentKey: "fp-1", refs: ["f0", "f1", "f2"] });
    expect(third.effects).toContainEqual({
      type: "escalate",
      incidentKey: "fp-1",
      event: "incident.opened",
      sequence: 0,
    });
  });

  it("does not count one sender three times, nor senders outside the window", () => {
    let state = empty;
    state = groupFailure(state, input(0, T0), settings).state;
    state = groupFailure(state, input(1, T0 + 61 * MINUTE, { sender: "same@kommune.example" }), settings).state;
    state = groupFailure(state, input(2, T0 + 62 * MINUTE, { sender: "same@kommune.example" }), settings).state;
    expect(state.latest).toBeNull();
  });

  it("holds a systemic-by-nature incident pending for the group wait, then opens and escalates once", () => {
    const first = groupFailure(empty, input(0, T0, { nature: "systemic", cause: "tls-required" }), settings);
    expect(first.state.latest?.status).toBe("pending");
    expect(first.effects.filter((effect) => effect.type === "escalate")).toEqual([]);
    const later = tickGroup(first.state, T0 + settings.groupWaitMs, settings);
    expect(later.state.latest?.status).toBe("open");
    expect(later.effects.filter((effect) => effect.type === "escalate")).toHaveLength(1);
    expect(tickGroup(later.state, T0 + settings.groupWaitMs + 1, settings).effects).toEqual([]);
  });

  it("auto-resolves after the quiet period; a recurrence opens a new incident linked to the old", () => {
    let state = groupFailure(empty, input(0, T0, { nature: "systemic" }), settings).state;
    state = tickGroup(state, T0 + settings.groupWaitMs, settings).state;
    const resolved = tickGroup(state, T0 + settings.resolveQuietMs, settings);
    expect(resolved.state.latest).toMatchObject({ status: "resolved", resolvedAt: T0 + settings.resolveQuietMs });
    expect(resolved.effects).toContainEqual({
      type: "escalate",
      incidentKey: "fp-1",
      event: "incident.resolved",
      sequence: 0,
    });
    const again = groupFailure(resolved.state, input(1, T0 + 24 * 60 * MINUTE, { nature: "systemic" }), settings);
    expect(again.state.latest).toMatchObject({ key: "fp-2", previousKey: "fp-1", sequence: 2 });
  });

  it("a silence mutes escalation but not grouping; after it expires the next failure announces", () => {
    const silenced: GroupState = { ...empty, silences: [T0 + 30 * MINUTE] };
    let result = groupFailure(silenced, input(0, T0, { nature: "systemic" }), settings);
    result = groupFailure(result.state, input(1, T0 + 10 * MINUTE, { nature: "systemic" }), settings);
    expect(result.state.latest).toMatchObject({ status: "open", failureCount: 2, announced: false });
    expect(result.effects.filter((effect) => effect.type === "escalate")).toEqual([]);
    result = groupFailure(result.state, input(2, T0 + 40 * MINUTE, { nature: "systemic" }), settings);
    expect(result.effects).toContainEqual({
      type: "escalate",
      incidentKey: "fp-1",
      event: "incident.opened",
      sequence: 0,
    });
  });

  it("back-filled failures are grouped but never escalated", () => {
    const grouper = new MemoryGrouper(settings);
    for (let n = 0; n < 5; n++) grouper.add(input(n, T0 + n * MINUTE, { live: false }));
    grouper.finish();
    expect(grouper.incidentOf("f0")?.scope).toBe("systemic");
    expect(grouper.escalations).toEqual([]);
  });

  it("a single sender's burst is systemic by rate jump only above the floor and the baseline", () => {
    const grouper = new MemoryGrouper(settings);
    const one = { sender: "nova@kommune.example" };
    for (let n = 0; n < settings.rateFloor - 1; n++) grouper.add(input(n, T0 + n * MINUTE, one));
    expect(grouper.incidentOf("f0")).toBeNull();
    grouper.add(input(99, T0 + 20 * MINUTE, one));
    expect(grouper.incidentOf("f0")?.scope).toBe("systemic");
  });

  it("the same weekday's baseline raises the bar for a rate jump", () => {
    const grouper = new MemoryGrouper(settings);
    const one = { sender: "nova@kommune.example" };
    const WEEK = 7 * 24 * 60 * MINUTE;
    // four earlier Mondays with 8 failures each in the same hour: 12 now is no jump (needs 24)
    for (let week = 4; week >= 1; week--)
      for (let n = 0; n < 8; n++) grouper.add(input(week * 100 + n, T0 - week * WEEK + n * MINUTE, one));
    for (let n = 0; n < 12; n++) grouper.add(input(1000 + n, T0 + n * MINUTE, one));
    expect(grouper.incidentOf("f1000")).toBeNull();
  });

  it("a pattern of individual mistakes opens at once, for the team, never escalated", () => {
    const grouper = new MemoryGrouper(settings);
    const cpr = {
      nature: "individual" as const,
      patternable: true,
      cause: "cpr-in-subject" as const,
      responsible: "sender" as const,
    };
    for (let n = 0; n < 3; n++) grouper.add(input(n, T0 + n * 24 * 60 * MINUTE, cpr));
    expect(grouper.incidentOf("f0")).toMatchObject({ scope: "pattern", status: "open", distinctSenders: 3 });
    expect(grouper.escalations).toEqual([]);
  });
});

describe("late arrivals", () => {
  it("a failure from within a resolved incident's life joins it instead of opening a new one", () => {
    let state = groupFailure(empty, input(0, T0, { nature: "systemic" }), settings).state;
    state = tickGroup(state, T0 + settings.resolveQuietMs + 1, settings).state;
    expect(state.latest?.status).toBe("resolved");
    const late = groupFailure(state, input(1, T0 + 30 * MINUTE, { nature: "systemic" }), settings);
    expect(late.state.latest).toMatchObject({
      key: "fp-1",
      failureCount: 2,
      status: "resolved",
      resolvedAt: T0 + 30 * MINUTE + settings.resolveQuietMs,
    });
  });
});
