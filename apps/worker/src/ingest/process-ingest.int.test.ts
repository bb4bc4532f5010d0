import { classifyStream, DEFAULT_GROUP_SETTINGS } from "@safetynet/classifier";
import * as scenarios from "@safetynet/classifier/test-support";
import { useTestServices } from "@safetynet/testing/hooks";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestContext } from "./ingest-context.js";
import { processIngest } from "./process-ingest.js";
import { OUTBOX_GRACE_SECONDS, sweepIncidents } from "./sweep-incidents.js";
import { storeMessages, TEST_RULES, testContext } from "./test-support.js";

const services = useTestServices();
let connection: Redis;

beforeAll(async () => {
  connection = services.redis.connection();
});
const contexts: IngestContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.sql.end()));
});

function byArrival(messages: scenarios.ScenarioMessage[]): scenarios.ScenarioMessage[] {
  const date = (raw: string) => Date.parse(/^Date: (.+)$/m.exec(raw)![1]!);
  return [...messages].sort((a, b) => date(a.raw) - date(b.raw));
}

async function freshContext(): Promise<{ context: IngestContext; prefix: string }> {
  const prefix = `${services.redis.prefix}-${Math.random().toString(36).slice(2, 8)}`;
  const context = testContext(services.database.db, services.database.url, connection, prefix);
  contexts.push(context);
  return { context, prefix };
}

describe("ingest processor against real PostgreSQL and Redis", () => {
  it("groups a scenario stream exactly as the classify command does", async () => {
    const messages = byArrival([
      ...scenarios.tlsRefusal(21, undefined, "worker-tls.example"),
      ...scenarios.cprWeek(22),
      ...scenarios.noise(23),
      ...scenarios.recurring(24),
      ...scenarios.relayDown(25),
      ...scenarios.ownGatewayDown(26),
    ]);
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    const { context } = await freshContext();
    for (const id of ids) expect((await processIngest(context, { messageId: id })).status).toBe("parsed");

    const expected = classifyStream(
      messages.map((item) => ({ file: item.name, index: 0, bytes: Buffer.from(item.raw, "latin1") })),
      { rules: TEST_RULES, settings: DEFAULT_GROUP_SETTINGS },
    );
    const failures = await services.database.db.failure.findMany({
      where: { rawMessageId: { in: ids } },
      include: { incident: true },
    });
    const byMessage = new Map(failures.map((failure) => [failure.rawMessageId, failure]));
    ids.forEach((id, index) => {
      const line = expected[index] as { incident: string | null; scope: string; cause: string; responsible: string };
      const failure = byMessage.get(id)!;
      expect({
        incident: failure.incident?.key ?? null,
        scope: failure.scope,
        cause: failure.cause,
        responsible: failure.responsible,
      }).toEqual({
        incident: line.incident,
        scope: line.scope,
        cause: line.cause,
        responsible: line.responsible,
      });
    });
    const tls = await services.database.db.incident.findMany({ where: { recipientDomain: "worker-tls.example" } });
    expect(tls).toHaveLength(1);
    expect(tls[0]).toMatchObject({ scope: "systemic", failureCount: 25, cause: "tls-required", announced: true });
    expect(await services.database.db.incidentSender.count({ where: { incidentId: tls[0]!.id } })).toBe(
      tls[0]!.distinctSenders,
    );
    // The relay outage: one incident about the relay (no single recipient domain), the supplier's.
    const relay = await services.database.db.incident.findMany({ where: { responsible: "supplier:sikkermail" } });
    expect(relay).toHaveLength(1);
    expect(relay[0]).toMatchObject({ scope: "systemic", failureCount: 15, recipientDomain: null });
    const recurrences = await services.database.db.incident.findMany({
      where: { recipientDomain: "kommune-nabo.example" },
      orderBy: { sequence: "asc" },
    });
    expect(recurrences.map((incident) => incident.status)).toEqual(["resolved", "open"]);
    expect(recurrences[1]!.previousId).toBe(recurrences[0]!.id);
  });

  it("is idempotent under retries: the same job twice writes once and enqueues the same job ids", async () => {
    const [id] = await storeMessages(services.database.db, [scenarios.gatewayDown(31)[0]!.raw]);
    const { context } = await freshContext();
    const first = await processIngest(context, { messageId: id });
    const again = await processIngest(context, { messageId: id });
    expect(first.status).toBe("parsed");
    expect(again).toEqual({ status: "already-done", state: "parsed" });
    expect(await services.database.db.failure.count({ where: { rawMessageId: id } })).toBe(1);
    expect(await context.queues.notify.getJobCounts("waiting")).toEqual({ waiting: 1 });
  });

  it("two concurrent workers on one fingerprint open one incident, and one message is ingested once", async () => {
    const messages = byArrival(scenarios.tlsRefusal(41, undefined, "concurrent.example"));
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    const a = await freshContext();
    const other = await createTestDatabaseClientLike();
    const b = { context: testContext(other, services.database.url, connection, a.prefix) };
    contexts.push(b.context);
    // every message offered to both workers at once
    await Promise.all(
      ids.flatMap((id) => [processIngest(a.context, { messageId: id }), processIngest(b.context, { messageId: id })]),
    );
    const incidents = await services.database.db.incident.findMany({
      where: { recipientDomain: "concurrent.example" },
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.failureCount).toBe(25);
    expect(await services.database.db.failure.count({ where: { rawMessageId: { in: ids } } })).toBe(25);
    await other.$disconnect();
  });

  it("quarantines what cannot be read and what holds no report, each with the reason", async () => {
    const [bad] = await storeMessages(services.database.db, ["From: x\r\n\r\nbody"], {
      cipher: (await import("@safetynet/db")).createRawMessageCipher(Buffer.alloc(32, 7).toString("base64")),
    });
    const { context } = await freshContext();
    expect((await processIngest(context, { messageId: bad })).status).toBe("quarantined");
    const row = await services.database.db.rawMessage.findUniqueOrThrow({ where: { id: bad } });
    expect(row.state).toBe("quarantined");
    expect(row.quarantineReason).toMatch(/cannot decrypt/);

    const [plain] = await storeMessages(services.database.db, [
      "From: a@b.example\r\nTo: c@d.example\r\nSubject: hej\r\nDate: Mon, 2 Nov 2026 08:00:00 +0000\r\n\r\nJust a note.\r\n",
    ]);
    // No report in it: it may be a bounce format the parser does not know, so staff see it.
    expect(await processIngest(context, { messageId: plain })).toMatchObject({
      status: "quarantined",
      reason: expect.stringMatching(/^not a delivery report/),
    });
    expect(await services.database.db.rawMessage.findUniqueOrThrow({ where: { id: plain } })).toMatchObject({
      state: "quarantined",
      quarantineReason: expect.stringMatching(/^not a delivery report/),
    });
  });

  it("back-filled messages are classified and grouped but enqueue no notify or escalate", async () => {
    const messages = byArrival(scenarios.tlsRefusal(51, undefined, "backfill.example"));
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
      { source: "import" },
    );
    const { context } = await freshContext();
    for (const id of ids) await processIngest(context, { messageId: id });
    const incident = await services.database.db.incident.findFirstOrThrow({
      where: { recipientDomain: "backfill.example" },
    });
    expect(incident).toMatchObject({ scope: "systemic", failureCount: 25, live: false, announced: false });
    expect(await services.database.db.failure.count({ where: { rawMessageId: { in: ids }, backfilled: true } })).toBe(
      25,
    );
    expect(await context.queues.notify.count()).toBe(0);
    expect(await context.queues.escalate.count()).toBe(0);
  });
});

describe("silences and acknowledgement", () => {
  it("a silenced fault is grouped but not escalated; a person's acknowledgement survives new failures", async () => {
    const { acknowledgeIncident, createSilence } = await import("@safetynet/db");
    const messages = byArrival(scenarios.tlsRefusal(71, undefined, "silenced.example"));
    const { context } = await freshContext();
    const [first, ...rest] = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    await processIngest(context, { messageId: first });
    const incident = await services.database.db.incident.findFirstOrThrow({
      where: { recipientDomain: "silenced.example" },
    });
    await createSilence(services.database.db, {
      fingerprint: incident.fingerprint,
      reason: "supplier knows, fix due Friday",
      createdBy: "it-drift",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    for (const id of rest.slice(0, 10)) await processIngest(context, { messageId: id });
    expect(await services.database.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "open",
      failureCount: 11,
      announced: false,
    });
    expect(await context.queues.escalate.count()).toBe(0);
    expect(await context.queues.notify.count()).toBe(11); // senders are still told
    expect(await acknowledgeIncident(services.database.db, incident.id, "anna@kommune.example")).toBe(true);
    for (const id of rest.slice(10)) await processIngest(context, { messageId: id });
    expect(await services.database.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "anna@kommune.example",
      failureCount: 25,
    });
  });
});

describe("logs", () => {
  it("carry ids and counts only: no subjects, addresses or diagnostic text", async () => {
    const { createLogger } = await import("@safetynet/config");
    const lines: string[] = [];
    const { context } = await freshContext();
    context.log = createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } });
    const messages = [
      ...scenarios.cprWeek(91).slice(0, 3),
      ...scenarios.tlsRefusal(92, undefined, "logs.example").slice(0, 3),
    ];
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    for (const id of ids) await processIngest(context, { messageId: id });
    const [bad] = await storeMessages(services.database.db, ["Subject: Sag 010203-1234\r\n\r\nx"], {
      cipher: (await import("@safetynet/db")).createRawMessageCipher(Buffer.alloc(32, 9).toString("base64")),
    });
    await processIngest(context, { messageId: bad });
    expect(lines.length).toBeGreaterThan(0);
    // Without the clock and the process id, whose digits may spell "0102" (CI once saw time ...080102).
    const text = lines
      .map((line) => {
        const { time: _time, pid: _pid, ...fields } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(fields);
      })
      .join("\n");
    expect(text).not.toMatch(/@|Sag|STARTTLS|010203|XX-XXXX|sagsbehandler|medarbejder/);
  });
});

describe("incident sweep", () => {
  it("opens a held incident after the group wait and resolves it after the quiet period, escalating each once", async () => {
    const [message] = scenarios.tlsRefusal(61, undefined, "sweep.example");
    const [id] = await storeMessages(services.database.db, [message!.raw]);
    const { context } = await freshContext();
    await processIngest(context, { messageId: id });
    const pending = await services.database.db.incident.findFirstOrThrow({
      where: { recipientDomain: "sweep.example" },
    });
    expect(pending).toMatchObject({ status: "pending", announced: false });
    expect(await context.queues.escalate.count()).toBe(0);
    const at = pending.firstSeen.getTime();
    expect(await sweepIncidents(context, new Set(), at + DEFAULT_GROUP_SETTINGS.groupWaitMs)).toEqual([
      { incidentId: pending.id, event: "incident.opened", sequence: 0 },
    ]);
    expect(await sweepIncidents(context, new Set(), at + DEFAULT_GROUP_SETTINGS.groupWaitMs + 1000)).toEqual([]);
    expect(await sweepIncidents(context, new Set(), at + DEFAULT_GROUP_SETTINGS.resolveQuietMs)).toEqual([
      { incidentId: pending.id, event: "incident.resolved", sequence: 0 },
    ]);
    expect(await services.database.db.incident.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "resolved",
      announced: true,
    });
    expect(await context.queues.escalate.count()).toBe(2);
  });

  it("enqueues an outbox event a dead worker left unmarked, once the grace period has passed, and marks it", async () => {
    const [message] = scenarios.tlsRefusal(62, undefined, "outbox.example");
    const [id] = await storeMessages(services.database.db, [message!.raw]);
    const { context } = await freshContext();
    await processIngest(context, { messageId: id });
    const incident = await services.database.db.incident.findFirstOrThrow({
      where: { recipientDomain: "outbox.example" },
    });
    // As a worker that died between its commit and its enqueue leaves it:
    const recent = await services.database.db.incidentEvent.create({
      data: { incidentId: incident.id, event: "incident.updated", sequence: 10, rawMessageId: id! },
    });
    expect(await sweepIncidents(context, new Set(), incident.firstSeen.getTime())).toEqual([]);
    await services.database.db.incidentEvent.update({
      where: { id: recent.id },
      data: { createdAt: new Date(Date.now() - (OUTBOX_GRACE_SECONDS + 5) * 1000) },
    });
    expect(await sweepIncidents(context, new Set(), incident.firstSeen.getTime())).toEqual([
      { incidentId: incident.id, event: "incident.updated", sequence: 10 },
    ]);
    expect((await context.queues.escalate.getJobs(["waiting"])).map((job) => job.id)).toEqual([
      `escalate-${incident.id}-incident.updated-10`,
    ]);
    expect(
      (await services.database.db.incidentEvent.findUniqueOrThrow({ where: { id: recent.id } })).enqueuedAt,
    ).not.toBeNull();
    expect(await sweepIncidents(context, new Set(), incident.firstSeen.getTime())).toEqual([]);
  });
});

describe("the notice backstop in the sweep", () => {
  it("enqueues the notify job again for a live message that has no notice a while after it was parsed", async () => {
    const [message] = scenarios.cprWeek(63);
    const [id] = await storeMessages(services.database.db, [message!.raw]);
    const { context } = await freshContext();
    const outcome = await processIngest(context, { messageId: id });
    expect(outcome.status === "parsed" && outcome.failureIds.length).toBeGreaterThan(0);
    const failureId = outcome.status === "parsed" ? outcome.failureIds[0]! : "";
    const jobId = `notify-${failureId}`;
    expect(await context.queues.notify.getJob(jobId)).toBeDefined();
    // As a Redis that came back without its data leaves it: the job is gone, nobody was told.
    await context.queues.notify.obliterate({ force: true });
    expect(await context.queues.notify.getJob(jobId)).toBeUndefined();
    // Within the grace period the ordinary path is left alone.
    await sweepIncidents(context, new Set());
    expect(await context.queues.notify.getJob(jobId)).toBeUndefined();
    await services.database.db.rawMessage.update({
      where: { id: id! },
      data: { receivedAt: new Date(Date.now() - (OUTBOX_GRACE_SECONDS + 5) * 1000) },
    });
    await sweepIncidents(context, new Set());
    expect((await context.queues.notify.getJob(jobId))?.data).toEqual({ failureId });
    // A message whose notice exists is not swept again.
    await context.queues.notify.obliterate({ force: true });
    await services.database.db.notice.create({
      data: {
        id: `notice-${id}`,
        rawMessageId: id!,
        recipient: "sagsbehandler@kommune.example",
        recipientRole: "sender",
        template: "sender:cpr-in-subject",
        language: "da",
        failureIds: [failureId],
      },
    });
    await sweepIncidents(context, new Set());
    expect(await context.queues.notify.getJob(jobId)).toBeUndefined();
  });
});

async function createTestDatabaseClientLike() {
  const { createDbClient } = await import("@safetynet/db");
  return createDbClient(services.database.url, { poolSize: 5 });
}
