// A supplier's outage, end to end: real-format NDRs through the real worker (ingest, grouping, the
// sweep, escalate, webhooks) to a receiver on loopback that verifies every signature. One fault
// gives one incident.opened, and no request carries an address, a subject or a CPR number.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as scenarios from "@safetynet/classifier/test-support";
import { createQueue, JOBS, jobOptions } from "@safetynet/queue";
import { type HttpReceiver, startHttpReceiver, until, writeSuppliersFile } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { generateWebhookSecret } from "@safetynet/webhooks";
import { findPersonalData } from "@safetynet/webhooks/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, sweepIncidents, type WorkerHandle } from "../index.js";
import { storeMessages, TEST_KEY } from "../ingest/test-support.js";

const services = useTestServices();
let receiver: HttpReceiver;
let dir: string;

beforeAll(async () => {
  receiver = await startHttpReceiver();
  dir = await mkdtemp(path.join(tmpdir(), "safetynet-suppliers-"));
});
afterAll(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

describe("escalation end to end", () => {
  it("the supplier's relay outage and gateway outage in a stream of NDRs each reach it as one incident.opened, thin and signed", async () => {
    const secret = generateWebhookSecret();
    const suppliersFile = await writeSuppliersFile(dir, {
      url: `${receiver.url}/sikkermail`,
      secret,
      contact: "Driftsvagt, +45 00 00 00 00",
    });
    const messages = [
      ...scenarios.relayDown(60),
      ...scenarios.gatewayDown(61),
      ...scenarios.tlsRefusal(62, undefined, "e2e-tls.example"),
      ...scenarios.cprWeek(63),
      ...scenarios.noise(64),
    ];
    const db = services.database.db;
    const ids = await storeMessages(
      db,
      messages.map((item) => item.raw),
    );
    const prefix = services.redis.prefix;
    const connection = services.redis.connection();
    const [ingest, escalate, webhooks] = (["ingest", "escalate", "webhooks"] as const).map((name) =>
      createQueue(name, { connection, prefix }),
    );
    await ingest!.addBulk(
      ids.map((messageId) => ({
        name: JOBS.ingest.name,
        data: { messageId },
        opts: jobOptions("ingest", { messageId }),
      })),
    );
    let worker: WorkerHandle | undefined;
    try {
      worker = await start({
        env: {
          DATABASE_URL: services.database.url,
          REDIS_URL: services.redis.url,
          SAFETYNET_KEY: TEST_KEY,
          WORKER_CONCURRENCY: "8",
          LOG_LEVEL: "silent",
          WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
          SUPPLIERS_FILE: suppliersFile,
          PUBLIC_URL: "https://safetynet.kommune.example",
        },
        redisPrefix: prefix,
        sweepIntervalMs: 0,
        notify: false,
      });
      await until(
        "every message parsed",
        async () => (await db.rawMessage.count({ where: { state: "stored" } })) === 0,
      );
      // The NDRs are weeks old by the clock, so the sweep resolves the outage at once: the whole lifecycle.
      await sweepIncidents(worker.context, new Set(["sikkermail"]));
      const types = () => receiver.requests.map((request) => JSON.parse(request.body).type as string);
      await until(
        "both incident.resolved delivered",
        async () => types().filter((type) => type === "incident.resolved").length === 2,
      );
      // Then the queues go quiet: whatever else was to be sent has been.
      await until("escalate and webhooks idle", async () => {
        const counts = await Promise.all(
          [escalate!, webhooks!].map((queue) => queue.getJobCounts("waiting", "active", "delayed", "prioritized")),
        );
        return counts.every((count) => Object.values(count).every((n) => n === 0));
      });
    } finally {
      await worker?.stop();
      await Promise.all([ingest!.close(), escalate!.close(), webhooks!.close()]);
    }

    // One incident per fault: the relay's (15 failures to four recipient domains) and the gateway's.
    const outages = await db.incident.findMany({
      where: { supplierId: "sikkermail" },
      orderBy: { failureCount: "asc" },
    });
    expect(outages.map((incident) => incident.failureCount)).toEqual([12, 15]);
    const bodies = receiver.requests.map(
      (request) =>
        new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
          id: string;
          type: string;
          data: { incident: { id: string; failureCount: number; supplierId: string; url: string } };
        },
    );
    expect(new Set(bodies.map((body) => body.data.incident.id))).toEqual(
      new Set(outages.map((incident) => incident.id)),
    );
    expect(new Set(bodies.map((body) => body.id)).size).toBe(bodies.length);
    for (const outage of outages) {
      const own = bodies.filter((body) => body.data.incident.id === outage.id);
      expect(own.filter((body) => body.type === "incident.opened")).toHaveLength(1);
      expect(own.filter((body) => body.type === "incident.resolved")).toHaveLength(1);
      expect(own.every((body) => body.type.startsWith("incident."))).toBe(true);
      expect(own.find((body) => body.type === "incident.resolved")!.data.incident).toMatchObject({
        supplierId: "sikkermail",
        failureCount: outage.failureCount,
        url: `https://safetynet.kommune.example/incidents/${outage.id}`,
      });
      expect((await db.incident.findUniqueOrThrow({ where: { id: outage.id } })).escalatedAt).not.toBeNull();
      expect(await db.webhookDelivery.count({ where: { status: "succeeded", incidentId: outage.id } })).toBe(
        own.length,
      );
    }

    // No personal data: addresses, subjects and CPR numbers of every NDR in the stream.
    const known = messages.flatMap((item) => [
      ...[...item.raw.matchAll(/^Subject: (.+)$/gm)].map((match) => match[1]!.trim()),
      ...[...item.raw.matchAll(/[a-z0-9._-]+@[a-z0-9.-]+/gi)].map((match) => match[0]),
    ]);
    expect(known).toEqual(expect.arrayContaining(["Sikker post 3", "borger3@extern3.example"]));
    for (const request of receiver.requests) expect(findPersonalData(request.body, known)).toEqual([]);
  });
});
