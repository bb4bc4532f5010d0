// The escalate and webhooks queues against real PostgreSQL, Redis and an HTTP receiver on loopback
// that checks every signature with the standardwebhooks package a supplier would use. Retries are
// real BullMQ delayed jobs: a test reads the job's delay, then promotes it rather than waiting hours.
import { randomUUID } from "node:crypto";
import { createLogger } from "@safetynet/config";
import { createWebhookMessage, requeueWebhookDispatch, rotateWebhookSecret, seedSuppliers } from "@safetynet/db";
import { createQueue, enqueueWebhookAttempt } from "@safetynet/queue";
import { type HttpReceiver, type RecordedRequest, startHttpReceiver, until } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { buildEnvelope, generateWebhookSecret } from "@safetynet/webhooks";
import { findPersonalData } from "@safetynet/webhooks/testing";
import type { Job, Queue } from "bullmq";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { escalateIncident } from "./escalate-incident.js";
import { startEscalateWorkers } from "./start-escalate-workers.js";

const services = useTestServices();
let receiver: HttpReceiver;
let workers: { stop(): Promise<void> };
let webhooks: Queue;
let escalate: Queue;
let prefix: string;

/** Polls the real services every 25 ms, for 10,000 ms unless told otherwise. */
const waitUntil = <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 10_000) =>
  until(what, probe, ms, 25);

function verify(request: RecordedRequest, secret: string): unknown {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
}

/** A supplier with one endpoint on the receiver; returns the endpoint id and secret. */
async function newEndpoint(events = ["incident.opened", "incident.updated", "incident.resolved", "test"]) {
  const supplierId = `sup-${randomUUID().slice(0, 8)}`;
  const secret = generateWebhookSecret();
  const seeded = await seedSuppliers(
    services.database.db,
    [
      {
        id: supplierId,
        name: "Supplier",
        contact: null,
        match: { hosts: [`*.${supplierId}.example`], gateways: [], domains: [] },
        endpoints: [{ url: `${receiver.url}/hooks/${supplierId}`, events, secret }],
      },
    ],
    generateWebhookSecret,
  );
  return { supplierId, endpointId: seeded.created[0]!.endpointId, secret };
}

async function testMessage(endpointId: string) {
  const id = `msg_${randomUUID().replaceAll("-", "")}`;
  const { dispatches } = await createWebhookMessage(
    services.database.db,
    {
      id,
      sourceKey: `test/${randomUUID()}`,
      type: "test",
      incidentId: null,
      body: buildEnvelope(id, "test", new Date(), { endpointId }),
    },
    [endpointId],
  );
  return { id, dispatchId: dispatches[0]!.id };
}

async function delayedJob(dispatchId: string, attempt: number): Promise<Job> {
  return waitUntil(`delayed attempt ${attempt}`, async () => {
    const job = await webhooks.getJob(`deliver-${dispatchId}-${attempt}`);
    return job && (await job.isDelayed()) ? job : null;
  });
}

const deliveries = (dispatchId: string) =>
  services.database.db.webhookDelivery.findMany({ where: { dispatchId }, orderBy: { attempt: "asc" } });

beforeAll(async () => {
  receiver = await startHttpReceiver();
  prefix = services.redis.prefix;
  workers = startEscalateWorkers({
    db: services.database.db,
    logger: createLogger({ level: "silent" }),
    redisUrl: services.redis.url,
    prefix,
    dashboardUrl: "https://safetynet.kommune.example",
    allowHosts: ["127.0.0.1"],
  });
  webhooks = createQueue("webhooks", { connection: services.redis.connection(), prefix });
  escalate = createQueue("escalate", { connection: services.redis.connection(), prefix });
});
afterAll(async () => {
  await workers.stop();
  await Promise.all([webhooks.close(), escalate.close()]);
  await receiver.close();
});
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.respondWith(200);
});
afterEach(async () => {
  // Nothing of one test's schedule may reach the next test's receiver.
  await webhooks.drain(true);
});

describe("webhook delivery (real receiver, real queues)", () => {
  it("signs with the Standard Webhooks headers and logs the attempt", async () => {
    const { endpointId, secret } = await newEndpoint();
    receiver.respondWith({ status: 202, body: `ok ${"x".repeat(3000)}` });
    const { id, dispatchId } = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, dispatchId, 1);
    const [request] = await receiver.waitForRequests(1);
    expect(request!.headers["webhook-id"]).toBe(id);
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verify(request!, secret)).toMatchObject({ id, type: "test", data: { endpointId } });
    const [row] = await waitUntil(
      "the delivery row",
      async () => (await deliveries(dispatchId)).at(0) && deliveries(dispatchId),
    );
    expect(row).toMatchObject({ attempt: 1, status: "succeeded", httpStatus: 202, eventId: id, eventType: "test" });
    expect(row!.durationMs).toBeGreaterThanOrEqual(0);
    expect(row!.responseBody).toHaveLength(2048);
    expect(row!.responseBody!.startsWith("ok x")).toBe(true);
  });

  it("retries after a 500 with the same webhook-id and body, 5 s later (jittered), as a delayed job", async () => {
    const { endpointId, secret } = await newEndpoint();
    receiver.respondWith(500, 200);
    const { id, dispatchId } = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, dispatchId, 1);
    await receiver.waitForRequests(1);
    const retry = await delayedJob(dispatchId, 2);
    expect(retry.data).toEqual({ dispatchId, attempt: 2 });
    expect(retry.opts.delay).toBeGreaterThanOrEqual(3_900);
    expect(retry.opts.delay).toBeLessThanOrEqual(6_000);
    await retry.promote();
    const [first, second] = await receiver.waitForRequests(2);
    expect(second!.headers["webhook-id"]).toBe(id);
    expect(second!.body).toBe(first!.body);
    expect(verify(second!, secret)).toMatchObject({ id });
    await waitUntil("two rows", async () => (await deliveries(dispatchId)).length === 2);
    const rows = await deliveries(dispatchId);
    expect(rows.map((row) => [row.attempt, row.status, row.httpStatus, row.eventId])).toEqual([
      [1, "failed", 500, id],
      [2, "succeeded", 200, id],
    ]);
    const dispatch = await services.database.db.webhookDispatch.findUniqueOrThrow({ where: { id: dispatchId } });
    expect(dispatch).toMatchObject({ status: "succeeded", attempts: 2, nextAttemptAt: null });
    const endpoint = await services.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint.failingSince).toBeNull();
  });

  it("honours Retry-After on a 503", async () => {
    const { endpointId } = await newEndpoint();
    receiver.respondWith({ status: 503, headers: { "retry-after": "120" } });
    const { dispatchId } = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, dispatchId, 1);
    const retry = await delayedJob(dispatchId, 2);
    expect(retry.opts.delay).toBeGreaterThanOrEqual(119_000);
    expect(retry.opts.delay).toBeLessThanOrEqual(120_000);
  });

  it("a 410 disables the endpoint, records an alarm for staff and schedules nothing", async () => {
    const { endpointId } = await newEndpoint();
    receiver.respondWith(410);
    const { dispatchId } = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, dispatchId, 1);
    const endpoint = await waitUntil("the endpoint disabled", async () => {
      const row = await services.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
      return !row.active && row;
    });
    expect(endpoint).toMatchObject({ active: false, disabledReason: "gone" });
    const alarm = await services.database.db.auditEvent.findFirstOrThrow({
      where: { action: "webhook-endpoint.disabled", target: endpointId },
    });
    expect(alarm.detail).toMatchObject({ reason: "gone", httpStatus: 410 });
    expect(await services.database.db.webhookDispatch.findUniqueOrThrow({ where: { id: dispatchId } })).toMatchObject({
      status: "failed",
    });
    expect(await webhooks.getJob(`deliver-${dispatchId}-2`)).toBeUndefined();
    // A later event is not sent to a disabled endpoint at all.
    const later = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, later.dispatchId, 1);
    await waitUntil("the later dispatch given up", async () => {
      const row = await services.database.db.webhookDispatch.findUniqueOrThrow({ where: { id: later.dispatchId } });
      return row.status === "failed";
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it("an endpoint failing for five days is disabled and staff alerted", async () => {
    const { endpointId } = await newEndpoint();
    await services.database.db.webhookEndpoint.update({
      where: { id: endpointId },
      data: { failingSince: new Date(Date.now() - 5 * 24 * 3600_000 - 60_000) },
    });
    receiver.respondWith(500);
    const { dispatchId } = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, dispatchId, 1);
    const alarm = await waitUntil("the alarm", () =>
      services.database.db.auditEvent.findFirst({ where: { action: "webhook-endpoint.disabled", target: endpointId } }),
    );
    expect(alarm.detail).toMatchObject({ reason: "failing", httpStatus: 500 });
    expect(await services.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({
      active: false,
      disabledReason: "failing",
    });
  });

  it("does not follow a redirect: the 302 is a failed attempt and the target hears nothing", async () => {
    const target = await startHttpReceiver();
    try {
      const { endpointId } = await newEndpoint();
      receiver.respondWith({ status: 302, headers: { location: `${target.url}/stolen` } });
      const { dispatchId } = await testMessage(endpointId);
      await enqueueWebhookAttempt(webhooks, dispatchId, 1);
      await delayedJob(dispatchId, 2);
      expect((await deliveries(dispatchId)).map((row) => [row.status, row.httpStatus])).toEqual([["failed", 302]]);
      expect(target.requests).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it("the guard refuses a name that resolves to loopback when it is not allowed: nothing is sent, the attempt is logged", async () => {
    const guarded = startEscalateWorkers({
      db: services.database.db,
      logger: createLogger({ level: "silent" }),
      redisUrl: services.redis.url,
      prefix: `${prefix}-guarded`,
      dashboardUrl: "https://safetynet.kommune.example",
      allowHosts: [],
    });
    const queue = createQueue("webhooks", { connection: services.redis.connection(), prefix: `${prefix}-guarded` });
    try {
      const { endpointId } = await newEndpoint();
      const port = new URL(receiver.url).port;
      await services.database.db.webhookEndpoint.update({
        where: { id: endpointId },
        data: { url: `http://localhost:${port}/hooks` },
      });
      const { dispatchId } = await testMessage(endpointId);
      await enqueueWebhookAttempt(queue, dispatchId, 1);
      await waitUntil("the refused attempt", async () => (await deliveries(dispatchId)).length === 1);
      const [row] = await deliveries(dispatchId);
      expect(row).toMatchObject({ status: "failed", httpStatus: null });
      expect(row!.error).toMatch(/refused: localhost resolves to a non-public address/);
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await queue.drain(true);
      await queue.close();
      await guarded.stop();
    }
  });

  it("during a secret rotation both signatures are sent and each secret verifies; after the grace period only the new", async () => {
    const { endpointId, secret: oldSecret } = await newEndpoint();
    const newSecret = generateWebhookSecret();
    await rotateWebhookSecret(services.database.db, endpointId, newSecret, new Date(Date.now() + 3600_000));
    const first = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, first.dispatchId, 1);
    const [request] = await receiver.waitForRequests(1);
    expect(request!.headers["webhook-signature"]!.toString().split(" ")).toHaveLength(2);
    expect(verify(request!, oldSecret)).toMatchObject({ id: first.id });
    expect(verify(request!, newSecret)).toMatchObject({ id: first.id });

    await services.database.db.webhookEndpoint.update({
      where: { id: endpointId },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    const second = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, second.dispatchId, 1);
    const [, after] = await receiver.waitForRequests(2);
    expect(after!.headers["webhook-signature"]!.toString().split(" ")).toHaveLength(1);
    expect(verify(after!, newSecret)).toMatchObject({ id: second.id });
    expect(() => verify(after!, oldSecret)).toThrow();
  });

  it("redelivers a delivered event on request: same id and body, a new attempt row", async () => {
    const { endpointId, secret } = await newEndpoint();
    const { id, dispatchId } = await testMessage(endpointId);
    await enqueueWebhookAttempt(webhooks, dispatchId, 1);
    const [first] = await receiver.waitForRequests(1);
    const [row] = await waitUntil(
      "the first row",
      async () => (await deliveries(dispatchId)).length === 1 && deliveries(dispatchId),
    );
    const requeued = await requeueWebhookDispatch(services.database.db, row!.id);
    expect(requeued).toEqual({ kind: "requeued", dispatchId, attempt: 2 });
    // Asked again before that attempt is made: the same attempt, so the same job and one request.
    expect(await requeueWebhookDispatch(services.database.db, row!.id)).toEqual(requeued);
    if (requeued.kind === "requeued") {
      await enqueueWebhookAttempt(webhooks, requeued.dispatchId, requeued.attempt);
      await enqueueWebhookAttempt(webhooks, requeued.dispatchId, requeued.attempt);
    }
    const [, again] = await receiver.waitForRequests(2);
    expect(again!.headers["webhook-id"]).toBe(id);
    expect(again!.body).toBe(first!.body);
    expect(verify(again!, secret)).toMatchObject({ id });
    await waitUntil("two rows", async () => (await deliveries(dispatchId)).length === 2);
    expect((await deliveries(dispatchId)).map((r) => [r.attempt, r.status])).toEqual([
      [1, "succeeded"],
      [2, "succeeded"],
    ]);
    expect(receiver.requests).toHaveLength(2);
  });
});

describe("escalate jobs", () => {
  async function incidentFor(supplierId: string, fingerprint = randomUUID().slice(0, 16)) {
    const db = services.database.db;
    const incident = await db.incident.create({
      data: {
        key: `${fingerprint}-1`,
        fingerprint,
        fingerprintVersion: 1,
        scope: "systemic",
        status: "open",
        cause: "network-or-dns",
        responsible: `supplier:${supplierId}`,
        supplierId,
        reportingHost: "mail.kommune.example",
        firstSeen: new Date("2026-12-01T08:00:00Z"),
        lastSeen: new Date("2026-12-01T09:00:00Z"),
        failureCount: 12,
        distinctSenders: 9,
        announced: true,
        live: true,
      },
    });
    await db.incidentEvent.create({ data: { incidentId: incident.id, event: "incident.opened", sequence: 0 } });
    return incident;
  }

  it("one message and one dispatch per subscribed endpoint, however often the job runs; escalatedAt is set", async () => {
    const a = await newEndpoint();
    const db = services.database.db;
    // A second endpoint of the same supplier that wants only resolutions: not sent incident.opened.
    await db.webhookEndpoint.create({
      data: { supplierId: a.supplierId, url: `${receiver.url}/other`, events: ["incident.resolved"], secret: a.secret },
    });
    const incident = await incidentFor(a.supplierId);
    const payload = { incidentId: incident.id, event: "incident.opened" as const, sequence: 0 };
    await escalate.add("escalate-incident", payload, { jobId: `escalate-${incident.id}-incident.opened-0` });
    await receiver.waitForRequests(1);
    const ctx = {
      db,
      webhooks,
      dashboardUrl: "https://safetynet.kommune.example",
      allowHosts: ["127.0.0.1"],
      log: createLogger({ level: "silent" }),
    };
    // The same job again (a retry after a crash): the same message, no new dispatch, nothing sent again.
    const again = await escalateIncident(ctx, payload);
    expect(again).toMatchObject({ kind: "dispatched", dispatches: 1 });
    await waitUntil(
      "escalatedAt",
      async () => (await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).escalatedAt,
    );
    expect(await db.webhookMessage.count({ where: { incidentId: incident.id } })).toBe(1);
    expect(await db.webhookDispatch.count({ where: { message: { incidentId: incident.id } } })).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    const body = verify(receiver.requests[0]!, a.secret) as {
      type: string;
      data: { incident: Record<string, unknown> };
    };
    expect(body.type).toBe("incident.opened");
    expect(body.data.incident).toMatchObject({
      id: incident.id,
      url: `https://safetynet.kommune.example/incidents/${incident.id}`,
      supplierId: a.supplierId,
      failureCount: 12,
      distinctSenders: 9,
    });
    expect(findPersonalData(receiver.requests[0]!.body)).toEqual([]);
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("escalated");
  });

  it("a silence on the fingerprint mutes the event", async () => {
    const a = await newEndpoint();
    const incident = await incidentFor(a.supplierId);
    await services.database.db.silence.create({
      data: {
        fingerprint: incident.fingerprint,
        reason: "known",
        createdBy: "staff",
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const result = await escalateIncident(
      {
        db: services.database.db,
        webhooks,
        dashboardUrl: "http://x",
        allowHosts: ["127.0.0.1"],
        log: createLogger({ level: "silent" }),
      },
      { incidentId: incident.id, event: "incident.opened", sequence: 0 },
    );
    expect(result).toEqual({ kind: "skipped", why: "silenced" });
    expect(await services.database.db.webhookMessage.count({ where: { incidentId: incident.id } })).toBe(0);
  });
});
