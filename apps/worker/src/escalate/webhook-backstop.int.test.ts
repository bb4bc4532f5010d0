// A Redis that comes back without its data (no persistence, a failover to an empty replica) loses
// the escalate jobs of events already marked enqueued and the delayed jobs of webhook retries. The
// sweep finds both again in the database and the supplier gets every event, once per attempt.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as scenarios from "@safetynet/classifier/test-support";
import { createQueue, JOBS, jobOptions } from "@safetynet/queue";
import { type HttpReceiver, startHttpReceiver, until, writeSuppliersFile } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { generateWebhookSecret } from "@safetynet/webhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { start, sweepIncidents, type WorkerHandle } from "../index.js";
import { OUTBOX_GRACE_SECONDS } from "../ingest/sweep-incidents.js";
import { storeMessages, TEST_KEY } from "../ingest/test-support.js";

const services = useTestServices();
let receiver: HttpReceiver;
let dir: string;

beforeAll(async () => {
  receiver = await startHttpReceiver();
  dir = await mkdtemp(path.join(tmpdir(), "safetynet-backstop-"));
});
afterAll(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every key of this test's queues gone, as after a Redis restart without persistence. */
async function loseRedisData(): Promise<number> {
  const redis = services.redis.connection();
  const keys = await redis.keys(`${services.redis.prefix}:*`);
  if (keys.length) await redis.del(...keys);
  return keys.length;
}

/** The database's "a while ago": past the sweep's grace for the ordinary path. */
const PAST_GRACE = `${OUTBOX_GRACE_SECONDS + 60} seconds`;

it("escalations and webhook retries whose jobs Redis lost are queued again by the sweep and delivered", async () => {
  const suppliersFile = await writeSuppliersFile(dir, {
    url: `${receiver.url}/sikkermail`,
    secret: generateWebhookSecret(),
  });
  const db = services.database.db;
  const ids = await storeMessages(
    db,
    scenarios.relayDown(70).map((item) => item.raw),
  );
  const prefix = services.redis.prefix;
  const ingest = createQueue("ingest", { connection: services.redis.connection(), prefix });
  await ingest.addBulk(
    ids.map((messageId) => ({
      name: JOBS.ingest.name,
      data: { messageId },
      opts: jobOptions("ingest", { messageId }),
    })),
  );
  await ingest.close();
  const env = {
    DATABASE_URL: services.database.url,
    REDIS_URL: services.redis.url,
    SAFETYNET_KEY: TEST_KEY,
    LOG_LEVEL: "silent",
    WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
    SUPPLIERS_FILE: suppliersFile,
  };
  // First without escalate workers: the outage's incident.opened is recorded and put on the queue ...
  const first = await start({ env, redisPrefix: prefix, sweepIntervalMs: 0, notify: false, escalate: false });
  try {
    await until("every message parsed", async () => (await db.rawMessage.count({ where: { state: "stored" } })) === 0);
    await until("incident.opened enqueued", () =>
      db.incidentEvent.findFirst({ where: { event: "incident.opened", enqueuedAt: { not: null } } }),
    );
  } finally {
    await first.stop();
  }
  // ... and Redis loses it.
  expect(await loseRedisData()).toBeGreaterThan(0);
  const opened = () => receiver.requests.filter((request) => JSON.parse(request.body).type === "incident.opened");

  let worker: WorkerHandle | undefined;
  try {
    worker = await start({ env, redisPrefix: prefix, sweepIntervalMs: 0, notify: false });
    // Within the grace the ordinary path may still be at work: the sweep leaves the event alone.
    await sweepIncidents(worker.context, new Set(["sikkermail"]));
    expect(
      await worker.context.queues.escalate.getJob(
        `escalate-${(await db.incidentEvent.findFirstOrThrow({ where: { event: "incident.opened" } })).incidentId}-incident.opened-0`,
      ),
    ).toBeUndefined();
    // Past it, the sweep puts the event on the queue again and the supplier gets it.
    await db.$executeRawUnsafe(
      `UPDATE "IncidentEvent" SET "enqueuedAt" = "enqueuedAt" - interval '${PAST_GRACE}' WHERE "handledAt" IS NULL`,
    );
    await sweepIncidents(worker.context, new Set(["sikkermail"]));
    await until("incident.opened delivered", async () => opened().length === 1);
    await until(
      "every event handled",
      async () => (await db.incidentEvent.count({ where: { handledAt: null } })) === 0,
    );
    // The receiver answered; the attempt's record follows.
    const delivered = await until("the first attempt recorded", () =>
      db.webhookDispatch.findFirst({ where: { message: { type: "incident.opened" }, status: "succeeded" } }),
    );
    expect(delivered.attempts).toBe(1);

    // A retry that was waiting in Redis as a delayed job when Redis lost its data: the dispatch is
    // pending with its next attempt long overdue. The sweep queues that attempt again.
    await db.webhookDispatch.update({ where: { id: delivered.id }, data: { status: "pending" } });
    await db.$executeRawUnsafe(
      `UPDATE "WebhookDispatch" SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' - interval '${PAST_GRACE}' WHERE id = $1`,
      delivered.id,
    );
    await loseRedisData();
    await sweepIncidents(worker.context, new Set(["sikkermail"]));
    await until("the overdue attempt delivered", async () => opened().length === 2);
    await until(
      "the dispatch settled",
      async () => (await db.webhookDispatch.findUniqueOrThrow({ where: { id: delivered.id } })).status === "succeeded",
    );
    expect(await db.webhookDispatch.findUniqueOrThrow({ where: { id: delivered.id } })).toMatchObject({ attempts: 2 });
    // The same event under the same webhook-id, a redelivery rather than a new event.
    expect(new Set(opened().map((request) => request.headers["webhook-id"])).size).toBe(1);
    // Nothing is queued twice: a further sweep finds no lost work.
    await sweepIncidents(worker.context, new Set(["sikkermail"]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(opened()).toHaveLength(2);
  } finally {
    await worker?.stop();
  }
}, 90_000);
