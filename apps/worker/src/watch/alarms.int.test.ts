// Alarms against real PostgreSQL, Redis, SMTP and HTTP: each fires once (a mail to the team and a
// signed operations webhook), stays quiet until ALARM_REPEAT, and resolves with a message when its
// cause is gone. Time is injected; the canary's probe goes through the chain simulator.
import { createHmac } from "node:crypto";
import { sendCanaryProbe } from "@safetynet/canary";
import { markMailboxAuthFailed, recordCanaryReturn, recordMailboxError } from "@safetynet/db";
import { enqueue } from "@safetynet/queue";
import {
  type ChainSimulator,
  createDovecotUser,
  type HttpReceiver,
  type SmtpListener,
  startChainSimulator,
  startHttpReceiver,
  startSmtpListener,
} from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateAlarms } from "./evaluate-alarms.js";
import type { WatchHandle } from "./start-watch.js";
import { seedReceived, startTestWatch, type TestClock, testClock } from "./test-support.js";

const MIN = 60_000;
const SECRET = `whsec_${Buffer.from("ops-webhook-secret-for-tests-32b").toString("base64")}`;

/** Standard Webhooks, checked by hand (not with the library that signed it). */
function signatureValid(request: HttpReceiver["requests"][number]): boolean {
  const id = String(request.headers["webhook-id"]);
  const timestamp = String(request.headers["webhook-timestamp"]);
  const key = Buffer.from(SECRET.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${request.body}`).digest("base64");
  return String(request.headers["webhook-signature"]).split(" ").includes(`v1,${expected}`);
}

describe("alarms", () => {
  const services = useTestServices();
  let team: SmtpListener;
  let ops: HttpReceiver;
  let chain: ChainSimulator;
  let watch: WatchHandle;
  let clock: TestClock;
  let env: Record<string, string>;

  beforeAll(async () => {
    team = await startSmtpListener();
    ops = await startHttpReceiver();
    const user = createDovecotUser();
    chain = await startChainSimulator({
      ndrMailbox: { host: user.host, port: user.port, user: user.user, pass: user.pass },
    });
    clock = testClock(new Date("2026-12-04T08:00:00Z"));
    env = {
      DATABASE_URL: services.database.url,
      SMTP_URL: team.url,
      TEAM_MAILBOX: "it-sikkerhed@kommune.example",
      NOTICE_FROM: "sikkerhedsnet@kommune.example",
      CANARY_SMTP_URL: chain.url,
      CANARY_TO: "kanarie@modtager.example",
      CANARY_INTERVAL: "1h",
      CANARY_DEADLINE: "30m",
      ALARM_REPEAT: "4h",
      ALARM_SILENCE_FLOOR: "2h",
      OPS_WEBHOOK_URL: `${ops.url}/alarms`,
      OPS_WEBHOOK_SECRET: SECRET,
    };
    watch = await startTestWatch(services, clock, env);
  });

  afterAll(async () => {
    await watch?.stop();
    await Promise.all([team?.close(), ops?.close(), chain?.close()]);
  });

  beforeEach(async () => {
    // Each test starts with no open alarm and nothing delivered.
    await services.database.db.alarm.deleteMany();
    await services.database.db.mailbox.deleteMany();
    await services.database.db.canaryRun.deleteMany();
    team.messages.length = 0;
    ops.requests.length = 0;
  });

  it("a canary whose NDR is dropped raises the alarm once and resolves when one returns", async () => {
    const { db } = services.database;
    const t0 = clock.now;
    chain.dropNdrs(true);
    const config = watch.context.config;
    const refusedBefore = chain.refused.length;
    const lost = await sendCanaryProbe(db, config, { origin: "schedule", now: t0 });
    await chain.waitForRefused(refusedBefore + 1);
    expect(chain.ndrsAppended).toBe(0);

    clock.set(new Date(t0.getTime() + 29 * MIN));
    expect(await evaluateAlarms(watch.context)).toEqual([]);
    clock.set(new Date(t0.getTime() + 31 * MIN));
    expect((await evaluateAlarms(watch.context)).map((n) => n.event)).toEqual(["fired"]);
    const [mail] = await team.waitForMessages(1);
    const parsed = await mail!.parse();
    expect(mail!.to).toEqual(["it-sikkerhed@kommune.example"]);
    expect(parsed.subject).toBe("[Sikkerhedsnet] ALARM: canary");
    expect(parsed.text).toContain(`Canary late: the NDR of the probe sent ${t0.toISOString().replace(".000", "")}`);
    const [hook] = await ops.waitForRequests(1);
    expect(hook!.path).toBe("/alarms");
    expect(signatureValid(hook!)).toBe(true);
    expect(JSON.parse(hook!.body)).toMatchObject({
      id: hook!.headers["webhook-id"],
      type: "alarm.fired",
      data: { kind: "canary", key: "canary", sequence: 1 },
    });
    expect((await db.canaryRun.findUniqueOrThrow({ where: { probeId: lost.probeId } })).status).toBe("missing");

    // Still late a while later: nothing new before ALARM_REPEAT.
    clock.set(new Date(t0.getTime() + 50 * MIN));
    expect(await evaluateAlarms(watch.context)).toEqual([]);

    // The next probe's NDR comes back (as the ingest worker records it): the alarm resolves.
    chain.dropNdrs(false);
    const next = await sendCanaryProbe(db, config, { origin: "schedule", now: new Date(t0.getTime() + 60 * MIN) });
    await recordCanaryReturn(db, {
      probeId: next.probeId,
      returnedAt: new Date(t0.getTime() + 61 * MIN),
      rawMessageId: "ndr",
    });
    clock.set(new Date(t0.getTime() + 62 * MIN));
    expect((await evaluateAlarms(watch.context)).map((n) => n.event)).toEqual(["resolved"]);
    const mails = await team.waitForMessages(2);
    const resolved = await mails[1]!.parse();
    expect(resolved.subject).toBe("[Sikkerhedsnet] RESOLVED: canary");
    expect(resolved.text).toMatch(/Canary back: the NDR of the probe sent .* came back after 60 s/);
    const hooks = await ops.waitForRequests(2);
    expect(JSON.parse(hooks[1]!.body)).toMatchObject({ type: "alarm.resolved", data: { kind: "canary", sequence: 2 } });
    expect(signatureValid(hooks[1]!)).toBe(true);
    expect(hooks[1]!.headers["webhook-id"]).not.toBe(hooks[0]!.headers["webhook-id"]);

    clock.set(new Date(t0.getTime() + 63 * MIN));
    expect(await evaluateAlarms(watch.context)).toEqual([]);
    const rows = await db.alarm.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "canary", notifications: 2 });
    expect(rows[0]!.resolvedAt).not.toBeNull();
    expect(team.messages).toHaveLength(2);
    expect(ops.requests).toHaveLength(2);
  });

  it("repeats a firing alarm every ALARM_REPEAT", async () => {
    const { db } = services.database;
    const t0 = clock.now;
    await db.canaryRun.create({ data: { probeId: "lost", sentAt: t0, status: "sent" } });
    clock.set(new Date(t0.getTime() + 31 * MIN));
    expect((await evaluateAlarms(watch.context)).map((n) => n.event)).toEqual(["fired"]);
    clock.set(new Date(t0.getTime() + 31 * MIN + 4 * 60 * MIN - 1));
    expect(await evaluateAlarms(watch.context)).toEqual([]);
    clock.set(new Date(t0.getTime() + 31 * MIN + 4 * 60 * MIN));
    expect(await evaluateAlarms(watch.context)).toMatchObject([{ event: "repeated", sequence: 2 }]);
    const mails = await team.waitForMessages(2);
    expect((await mails[1]!.parse()).subject).toBe("[Sikkerhedsnet] STILL FIRING: canary (notice 2)");
  });

  it("a mailbox silent longer than its learned gap (with a floor) fires, and resolves when mail arrives", async () => {
    const { db } = services.database;
    const now = clock.now;
    const busy = await db.mailbox.create({ data: { name: "sikkerhedsnet", url: "imap://a@h:1/INBOX" } });
    const lively = await db.mailbox.create({ data: { name: "formularer", url: "imap://b@h:1/INBOX" } });
    // 150 messages 20 minutes apart, with one 5-hour outage in the middle, the last 3 hours ago:
    // the outage is set aside (top 1%), so the usual gap is 20 min and the 2 h floor decides.
    const times: Date[] = [];
    let at = now.getTime() - 3 * 60 * MIN;
    for (let i = 0; i < 150; i++) {
      times.push(new Date(at));
      at -= i === 70 ? 5 * 60 * MIN : 20 * MIN;
    }
    await seedReceived(db, busy.id, times);
    await seedReceived(db, lively.id, [new Date(now.getTime() - 10 * MIN), new Date(now.getTime() - 40 * MIN)]);
    await db.canaryRun.create({ data: { probeId: "fresh", sentAt: now, status: "returned", returnedAt: now } });

    expect((await evaluateAlarms(watch.context)).map((n) => n.event)).toEqual(["fired"]);
    const alarm = await db.alarm.findFirstOrThrow();
    expect(alarm).toMatchObject({ key: `mailbox-silent:${busy.id}`, kind: "mailbox-silent" });
    expect(alarm.detail).toMatchObject({ usualGapMs: 20 * MIN, thresholdMs: 2 * 60 * MIN });
    expect(alarm.message).toMatch(/mailbox "sikkerhedsnet" silent for 3 h .* usual longest gap is 20 min/);
    const [mail] = await team.waitForMessages(1);
    expect((await mail!.parse()).subject).toBe("[Sikkerhedsnet] ALARM: mailbox-silent");

    await seedReceived(db, busy.id, [now]);
    clock.set(new Date(now.getTime() + MIN));
    expect((await evaluateAlarms(watch.context)).map((n) => n.event)).toEqual(["resolved"]);
    expect((await db.alarm.findFirstOrThrow()).resolveMessage).toBe('mailbox "sikkerhedsnet" receives mail again.');
  });

  it("an IMAP login the server refuses (the poller's auth-failed mark) fires, and resolves once the mailbox is active", async () => {
    const { db } = services.database;
    const now = clock.now;
    await db.canaryRun.create({ data: { probeId: "fresh", sentAt: now, status: "returned", returnedAt: now } });
    const mailbox = await db.mailbox.create({ data: { name: "sikkerhedsnet", url: "imap://a@h:1/INBOX" } });
    expect(await markMailboxAuthFailed(db, mailbox.id, "NO [AUTHENTICATIONFAILED] Authentication failed.")).toBe(true);
    const fired = await evaluateAlarms(watch.context);
    expect(fired.map((n) => n.event)).toEqual(["fired"]);
    const alarm = await db.alarm.findFirstOrThrow();
    expect(alarm).toMatchObject({ key: `mailbox-auth:${mailbox.id}`, kind: "mailbox-auth" });
    expect(alarm.message).toMatch(/IMAP login refused for mailbox "sikkerhedsnet"/);
    const [hook] = await ops.waitForRequests(1);
    expect(JSON.parse(hook!.body)).toMatchObject({ type: "alarm.fired", data: { kind: "mailbox-auth" } });

    clock.set(new Date(now.getTime() + MIN));
    expect(await evaluateAlarms(watch.context)).toEqual([]);
    await db.mailbox.update({ where: { id: mailbox.id }, data: { status: "active" } });
    clock.set(new Date(now.getTime() + 2 * MIN));
    expect((await evaluateAlarms(watch.context)).map((n) => n.event)).toEqual(["resolved"]);
    await ops.waitForRequests(2);
    expect(JSON.parse(ops.requests[1]!.body)).toMatchObject({
      type: "alarm.resolved",
      data: { message: 'IMAP login for mailbox "sikkerhedsnet" works again.' },
    });
  });

  it("a poller disconnected too long, a queue that backs up, failed notices and a disabled endpoint each fire, and resolve", async () => {
    const { db } = services.database;
    const now = new Date();
    clock.set(now);
    await db.canaryRun.create({ data: { probeId: "fresh", sentAt: now, status: "returned", returnedAt: now } });
    const mailbox = await db.mailbox.create({ data: { name: "sikkerhedsnet", url: "imap://a@h:1/INBOX" } });
    // The poller's record of failed connections keeps the first one's time.
    await recordMailboxError(db, mailbox.id, "connect ECONNREFUSED 127.0.0.1:1143", now);
    await recordMailboxError(db, mailbox.id, "connect ECONNREFUSED 127.0.0.1:1143", new Date(now.getTime() + 5 * MIN));
    // A real ingest job nobody takes (no ingest worker here).
    const ingest = watch.context.watched.find((queue) => queue.name === "ingest")!;
    await enqueue(ingest, "ingest", { messageId: "waiting-message" });
    const raw = await db.rawMessage.create({
      data: { sha256: "f".repeat(64), size: 1, encrypted: Buffer.from("x") },
    });
    await db.notice.create({
      data: {
        rawMessageId: raw.id,
        recipient: "a@kommune.example",
        recipientRole: "sender",
        template: "t",
        status: "failed",
      },
    });
    await db.supplier.create({ data: { id: "sikkermail", name: "Secure mail", match: {} } });
    const endpoint = await db.webhookEndpoint.create({
      data: { supplierId: "sikkermail", url: "https://hooks.example/x", events: [], secret: "whsec_x", active: false },
    });

    clock.set(new Date(now.getTime() + 16 * MIN));
    const fired = await evaluateAlarms(watch.context);
    const kinds = async () =>
      (await db.alarm.findMany({ where: { resolvedAt: null }, orderBy: { kind: "asc" } })).map((alarm) => alarm.key);
    expect(fired.every((n) => n.event === "fired")).toBe(true);
    expect(await kinds()).toEqual([
      "notice-failures",
      `poller-disconnected:${mailbox.id}`,
      "queue-backlog:ingest",
      `webhook-endpoint-disabled:${endpoint.id}`,
    ]);
    const disconnected = await db.alarm.findFirstOrThrow({ where: { kind: "poller-disconnected" } });
    expect(disconnected.message).toMatch(/Poller disconnected from mailbox "sikkerhedsnet" for 16 min/);

    await recordMailboxError(db, mailbox.id, null);
    await ingest.drain();
    await db.notice.deleteMany();
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: true } });
    clock.set(new Date(now.getTime() + 17 * MIN));
    const resolved = await evaluateAlarms(watch.context);
    expect(resolved.map((n) => n.event)).toEqual(["resolved", "resolved", "resolved", "resolved"]);
    expect(await kinds()).toEqual([]);
    await team.waitForMessages(8);
    await ops.waitForRequests(8);
  });
});
