import { describe, expect, it } from "vitest";
import { buildAlarmConditions } from "./build-alarm-conditions.js";
import { decideAlarms } from "./decide-alarms.js";
import { largestGapsNeeded, learnUsualGap } from "./learn-usual-gap.js";
import type { AlarmObservations, AlarmSettings, MailboxObservation, OpenAlarm } from "./types.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const settings: AlarmSettings = {
  canaryIntervalMs: HOUR,
  canaryDeadlineMs: 30 * MIN,
  silenceFloorMs: 2 * HOUR,
  silenceFactor: 1.5,
  disconnectedAfterMs: 10 * MIN,
  queueAgeMs: 15 * MIN,
  queueBacklog: 1000,
  repeatMs: 4 * HOUR,
};
const t0 = new Date("2026-12-04T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function observations(over: Partial<AlarmObservations> = {}): AlarmObservations {
  return {
    canary: { enabled: true, watchingSince: t0, runs: [] },
    mailboxes: [],
    queues: [],
    failedNotices: { count: 0, latestAt: null },
    disabledEndpoints: [],
    ...over,
  };
}

/** Runs the rule over time, keeping the open alarms as the job's table would. */
function simulate(steps: { now: Date; obs: AlarmObservations }[]) {
  let open: OpenAlarm[] = [];
  const log: string[] = [];
  for (const { now, obs } of steps) {
    for (const decision of decideAlarms(open, buildAlarmConditions(obs, now, settings), now, settings)) {
      if (decision.action === "fire") {
        open.push({
          id: decision.condition.key,
          key: decision.condition.key,
          kind: decision.condition.kind,
          firedAt: now,
          lastNotifiedAt: now,
          notifications: 1,
        });
        log.push(`fire ${decision.condition.key}`);
      } else if (decision.action === "repeat") {
        decision.alarm.lastNotifiedAt = now;
        log.push(`repeat ${decision.alarm.key}`);
      } else {
        open = open.filter((alarm) => alarm !== decision.alarm);
        log.push(`resolve ${decision.alarm.key}: ${decision.message}`);
      }
    }
  }
  return log;
}

describe("canary alarm", () => {
  const lost = { probeId: "a", sentAt: t0, returnedAt: null };
  it("fires once when a probe's NDR is past the deadline, repeats after ALARM_REPEAT, resolves when a later one returns", () => {
    const back = { probeId: "b", sentAt: at(HOUR), returnedAt: at(HOUR + 40_000) };
    const log = simulate([
      { now: at(29 * MIN), obs: observations({ canary: { enabled: true, watchingSince: t0, runs: [lost] } }) },
      { now: at(31 * MIN), obs: observations({ canary: { enabled: true, watchingSince: t0, runs: [lost] } }) },
      { now: at(40 * MIN), obs: observations({ canary: { enabled: true, watchingSince: t0, runs: [lost] } }) },
      {
        now: at(4 * HOUR + 31 * MIN),
        obs: observations({ canary: { enabled: true, watchingSince: t0, runs: [lost] } }),
      },
      {
        now: at(4 * HOUR + 32 * MIN),
        obs: observations({
          canary: {
            enabled: true,
            watchingSince: t0,
            runs: [lost, { ...back, sentAt: at(4 * HOUR + 31 * MIN), returnedAt: at(4 * HOUR + 32 * MIN) }],
          },
        }),
      },
    ]);
    expect(log.map((line) => line.split(":")[0])).toEqual(["fire canary", "repeat canary", "resolve canary"]);
    expect(log[2]).toMatch(/came back after 60 s/);
  });

  it("is missing when no probe went out for interval + deadline, and off without CANARY_TO", () => {
    const quiet = observations({ canary: { enabled: true, watchingSince: t0, runs: [] } });
    expect(buildAlarmConditions(quiet, at(89 * MIN), settings)[0]).toMatchObject({ key: "canary", firing: false });
    expect(buildAlarmConditions(quiet, at(91 * MIN), settings)[0]).toMatchObject({ key: "canary", firing: true });
    expect(buildAlarmConditions(quiet, at(91 * MIN), settings)[0]!.message).toMatch(/no probe has been sent/);
    const off = observations({ canary: { enabled: false, watchingSince: t0, runs: [lost] } });
    expect(buildAlarmConditions(off, at(5 * HOUR), settings).some((c) => c.kind === "canary")).toBe(false);
  });
});

describe("mailbox alarms", () => {
  const mailbox: MailboxObservation = {
    id: "m1",
    name: "INBOX",
    status: "active",
    disconnectedSince: null,
    lastMessageAt: t0,
    usualGapMs: 20 * MIN,
  };
  it("silence: the learned gap times the factor, never below the floor", () => {
    const big = { ...mailbox, usualGapMs: 3 * HOUR };
    const fires = (m: typeof mailbox, quiet: number) =>
      buildAlarmConditions(observations({ mailboxes: [m] }), at(quiet), settings).find(
        (c) => c.kind === "mailbox-silent",
      )!.firing;
    expect(fires(mailbox, 2 * HOUR - MIN)).toBe(false); // floor 2 h beats 1.5 x 20 min
    expect(fires(mailbox, 2 * HOUR + MIN)).toBe(true);
    expect(fires(big, 4 * HOUR)).toBe(false); // 1.5 x 3 h = 4.5 h
    expect(fires(big, 4.5 * HOUR + MIN)).toBe(true);
    expect(fires({ ...mailbox, lastMessageAt: null }, 10 * HOUR)).toBe(false);
  });

  it("auth failure fires while the mailbox is auth-failed and resolves when it is active again", () => {
    const log = simulate([
      {
        now: at(0),
        obs: observations({
          canary: { enabled: false, watchingSince: t0, runs: [] },
          mailboxes: [{ ...mailbox, status: "auth_failed" }],
        }),
      },
      {
        now: at(MIN),
        obs: observations({
          canary: { enabled: false, watchingSince: t0, runs: [] },
          mailboxes: [{ ...mailbox, status: "auth_failed" }],
        }),
      },
      {
        now: at(2 * MIN),
        obs: observations({
          canary: { enabled: false, watchingSince: t0, runs: [] },
          mailboxes: [{ ...mailbox, lastMessageAt: at(MIN) }],
        }),
      },
    ]);
    expect(log).toEqual([
      "fire mailbox-auth:m1",
      'resolve mailbox-auth:m1: IMAP login for mailbox "INBOX" works again.',
    ]);
  });

  it("a poller disconnected longer than ALARM_DISCONNECTED_AFTER fires", () => {
    const down = { ...mailbox, lastMessageAt: at(0), disconnectedSince: at(0) };
    const state = (now: number) =>
      buildAlarmConditions(observations({ mailboxes: [down] }), at(now), settings).find(
        (c) => c.kind === "poller-disconnected",
      )!.firing;
    expect(state(9 * MIN)).toBe(false);
    expect(state(11 * MIN)).toBe(true);
  });
});

describe("other alarms", () => {
  it("queue backlog by count or by the oldest job's age; notice failures; a disabled endpoint until it is gone", () => {
    const conditions = buildAlarmConditions(
      observations({
        queues: [
          { name: "ingest", waiting: 5, oldestWaitingAt: at(-20 * MIN) },
          { name: "notify", waiting: 2000, oldestWaitingAt: at(-MIN) },
          { name: "escalate", waiting: 0, oldestWaitingAt: null },
        ],
        failedNotices: { count: 2, latestAt: at(-HOUR) },
        disabledEndpoints: [{ id: "e1", supplierId: "sikkermail" }],
      }),
      t0,
      settings,
    );
    const firing = conditions.filter((c) => c.firing).map((c) => c.key);
    // The canary is not firing: watching began at t0, so no probe is overdue yet.
    expect(firing).toEqual([
      "queue-backlog:ingest",
      "queue-backlog:notify",
      "notice-failures",
      "webhook-endpoint-disabled:e1",
    ]);
    const open: OpenAlarm[] = [
      {
        id: "x",
        key: "webhook-endpoint-disabled:e1",
        kind: "webhook-endpoint-disabled",
        firedAt: t0,
        lastNotifiedAt: t0,
        notifications: 1,
      },
    ];
    expect(decideAlarms(open, [], at(MIN), settings)).toEqual([
      { action: "resolve", alarm: open[0], message: "The cause of this alarm (webhook-endpoint-disabled:e1) is gone." },
    ]);
  });
});

describe("learnUsualGap", () => {
  const desc = (gaps: number[]) => [...gaps].sort((a, b) => b - a);
  it("needs ten gaps, and sets the top 1% aside", () => {
    expect(learnUsualGap(3, [3, 2, 1])).toBeNull();
    const gaps = Array.from({ length: 200 }, (_, i) => (i % 10) * MIN);
    expect(learnUsualGap(202, desc([...gaps, 10 * HOUR, 11 * HOUR]))).toBe(9 * MIN);
    expect(learnUsualGap(201, desc([...gaps, 10 * HOUR]))).toBe(9 * MIN);
    expect(learnUsualGap(50, desc(gaps.slice(0, 50)))).toBe(9 * MIN);
    expect(largestGapsNeeded(202)).toBe(3);
  });
});
