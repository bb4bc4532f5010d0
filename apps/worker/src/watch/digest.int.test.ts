// The team's daily digest against a seeded day: what it says about new failures by cause, open
// incidents, older untriaged and serious cases, the canary, open alarms and yesterday's check;
// mailed to TEAM_MAILBOX over SMTP_URL. And its schedule: 07:30 Copenhagen time.
import { randomBytes } from "node:crypto";
import { type SmtpListener, startSmtpListener } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDailyDigest } from "./send-daily-digest.js";
import type { WatchHandle } from "./start-watch.js";
import { startTestWatch, testClock } from "./test-support.js";

const HOUR = 3_600_000;
// 07:30 in Copenhagen on a winter morning (UTC+1).
const NOW = new Date("2026-12-04T06:30:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describe("daily digest", () => {
  const services = useTestServices();
  let team: SmtpListener;
  let watch: WatchHandle;

  beforeAll(async () => {
    team = await startSmtpListener();
    watch = await startTestWatch(services, testClock(NOW), {
      DATABASE_URL: services.database.url,
      SMTP_URL: team.url,
      TEAM_MAILBOX: "it-sikkerhed@kommune.example",
      NOTICE_FROM: "sikkerhedsnet@kommune.example",
    });
    const { db } = services.database;
    const raw = await db.rawMessage.create({
      data: { sha256: randomBytes(32).toString("hex"), size: 1, encrypted: Buffer.from("x"), state: "parsed" },
    });
    let index = 0;
    const failure = (cause: string, createdAt: Date, extra: Record<string, unknown> = {}) => ({
      rawMessageId: raw.id,
      recipientIndex: index++,
      reason: cause === "cpr-in-subject" ? "policyviolation" : "userunknown",
      cause,
      recipient: `modtager${index}@politi.example`,
      failedAt: createdAt,
      createdAt,
      responsible: "sender",
      ...extra,
    });
    await db.failure.createMany({
      data: [
        failure("cpr-in-subject", ago(1)),
        failure("cpr-in-subject", ago(5)),
        failure("cpr-in-subject", ago(23)),
        failure("recipient-unknown", ago(2)),
        failure("cpr-in-subject", ago(25)), // before the window: not new
        failure("recipient-unknown", ago(72), { serious: true }),
        failure("cpr-in-subject", ago(80), { outcome: "resent" }), // triaged: not counted
        failure("cpr-in-subject", ago(3), { backfilled: true }), // back-filled history: not new
      ],
    });
    const incident = (key: string, status: "open" | "resolved", firstSeen: Date) => ({
      key,
      fingerprint: key,
      fingerprintVersion: 1,
      scope: "systemic" as const,
      status,
      cause: "gateway-down",
      responsible: "supplier:sikkermail",
      firstSeen,
      lastSeen: firstSeen,
      failureCount: 14,
    });
    await db.incident.createMany({ data: [incident("fp1-1", "open", ago(6)), incident("fp2-1", "resolved", ago(30))] });
    await db.dailyCheck.create({ data: { day: new Date("2026-12-03T00:00:00Z"), checkedBy: "anna@kommune.example" } });
    await db.canaryRun.createMany({
      data: [
        { probeId: "a", sentAt: ago(3), returnedAt: new Date(ago(3).getTime() + 42_000), status: "returned" },
        { probeId: "b", sentAt: ago(2), returnedAt: new Date(ago(2).getTime() + 40_000), status: "returned" },
        { probeId: "c", sentAt: ago(1), status: "missing" },
      ],
    });
    await db.alarm.create({
      data: {
        key: "queue-backlog:notify",
        kind: "queue-backlog",
        message: 'Queue "notify" backs up: 12000 job(s) waiting',
        firedAt: ago(4),
        lastNotifiedAt: ago(4),
      },
    });
  });

  afterAll(async () => {
    await watch?.stop();
    await team?.close();
  });

  it("tells the day's figures, the open work, the canary and who did yesterday's check", async () => {
    expect(await sendDailyDigest(watch.context)).toBe("sent");
    const [mail] = await team.waitForMessages(1);
    expect(mail!.to).toEqual(["it-sikkerhed@kommune.example"]);
    const parsed = await mail!.parse();
    expect(parsed.subject).toBe("[Sikkerhedsnet] Daily digest: 4 new, 1 open incident(s), 1 serious");
    const text = parsed.text!;
    expect(text).toContain("Safety net daily digest, 3 Dec 2026, 07:30 to 4 Dec 2026, 07:30");
    expect(text).toContain("New failures: 4\n  cpr-in-subject: 3\n  recipient-unknown: 1\n");
    expect(text).toMatch(
      /Open incidents: 1\n {2}fp1-1 {2}systemic\/open {2}gateway-down {2}14 failure\(s\) {2}since 4 Dec 2026, 01:30\n/,
    );
    expect(text).toContain("Older cases not triaged: 2 (oldest failed 1 Dec 2026, 07:30)");
    expect(text).toMatch(
      /Serious cases not triaged: 1\n {2}failure [0-9a-f-]{36} {2}recipient-unknown {2}failed 1 Dec 2026, 07:30/,
    );
    expect(text).toContain("Canary: OK (2 of 3 probe(s) in the period came back)");
    expect(text).toContain("last NDR back: probe sent 4 Dec 2026, 05:30, round trip 40 s");
    expect(text).toContain("latest probe sent 4 Dec 2026, 06:30: missing");
    expect(text).toContain('Open alarms: 1\n  since 4 Dec 2026, 03:30: Queue "notify" backs up');
    expect(text).toContain("Daily check 2026-12-03: done by anna@kommune.example");
    // No citizen's address goes to the team in a digest.
    expect(text).not.toContain("politi.example");
  });

  it("says when yesterday's check was not done and the canary is not OK", async () => {
    const { db } = services.database;
    await db.dailyCheck.deleteMany();
    await db.alarm.create({
      data: { key: "canary", kind: "canary", message: "Canary late", firedAt: ago(1), lastNotifiedAt: ago(1) },
    });
    await sendDailyDigest(watch.context);
    const mails = await team.waitForMessages(2);
    const parsed = await mails[1]!.parse();
    expect(parsed.subject).toBe(
      "[Sikkerhedsnet] Daily digest: 4 new, 1 open incident(s), 1 serious, canary NOT OK, check not done",
    );
    expect(parsed.text).toContain("Daily check 2026-12-03: NOT DONE");
  });

  it("is scheduled at 07:30 Copenhagen time", async () => {
    const scheduled = await startTestWatch(services, testClock(NOW), { DATABASE_URL: services.database.url }, true);
    try {
      const schedulers = await scheduled.context.maintenance.getJobSchedulers();
      const digest = schedulers.find((entry) => entry.key === "daily-digest")!;
      expect(digest).toMatchObject({ pattern: "30 7 * * *", tz: "Europe/Copenhagen" });
      const next = new Date(digest.next!);
      const local = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Copenhagen",
        hour: "2-digit",
        minute: "2-digit",
      }).format(next);
      expect(local).toBe("07:30");
      expect(schedulers.map((entry) => entry.key).sort()).toEqual(["alarms", "daily-digest", "retention-purge"]); // no CANARY_TO: no canary
    } finally {
      await scheduled.stop();
    }
  });
});
