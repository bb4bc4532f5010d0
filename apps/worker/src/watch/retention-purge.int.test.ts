// The retention purge against real PostgreSQL and Redis, run by its BullMQ job scheduler on the
// maintenance queue: raw messages past RETENTION_DAYS lose their encrypted bytes; the masked
// failure rows (all the reports read), incidents, incident events and notices are unchanged.
import { randomBytes, randomUUID } from "node:crypto";
import { createRawMessageCipher, type DbClient, type MessageState } from "@safetynet/db";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredRawMessages } from "./purge-expired-raw-messages.js";
import type { WatchHandle } from "./start-watch.js";
import { startTestWatch, testClock } from "./test-support.js";

const cipher = createRawMessageCipher(Buffer.alloc(32, 9).toString("base64"));
const NOW = new Date("2026-12-04T12:00:00Z");

interface Seed {
  receivedAt: string;
  state: MessageState;
  failedAt?: string;
  internalDate?: string;
}

async function seedMessage(db: DbClient, seed: Seed): Promise<string> {
  const id = randomUUID();
  await db.rawMessage.create({
    data: {
      id,
      sha256: randomBytes(32).toString("hex"),
      size: 40,
      encrypted: new Uint8Array(cipher.encrypt(Buffer.from(`Subject: Sag 010203-1234 ${id}\r\n\r\nbody\r\n`))),
      receivedAt: new Date(seed.receivedAt),
      internalDate: seed.internalDate ? new Date(seed.internalDate) : null,
      state: seed.state,
      source: seed.failedAt && seed.receivedAt > seed.failedAt ? "import" : "live",
    },
  });
  if (seed.failedAt) {
    await db.failure.create({
      data: {
        rawMessageId: id,
        recipientIndex: 0,
        reason: "policy",
        cause: "cpr-in-subject",
        recipient: "borger@modtager.example",
        subjectMasked: "Sag 010203-XXXX",
        diagnosticMasked: "550 5.7.1 blocked: CPR 010203-XXXX",
        originalSender: "sagsbehandler@kommune.example",
        failedAt: new Date(seed.failedAt),
        responsible: "own-infrastructure",
        outcome: "resent",
        serious: true,
      },
    });
  }
  return id;
}

async function snapshot(db: DbClient) {
  return {
    failures: await db.failure.findMany({ orderBy: { id: "asc" } }),
    incidents: await db.incident.findMany({ orderBy: { id: "asc" } }),
    events: await db.incidentEvent.findMany({ orderBy: { id: "asc" } }),
    notices: await db.notice.findMany({ orderBy: { id: "asc" } }),
    yearly:
      await db.$queryRaw`SELECT extract(year FROM "failedAt") AS year, cause, count(*)::int AS n, sum(serious::int)::int AS serious
      FROM "Failure" GROUP BY 1, 2 ORDER BY 1, 2`,
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("retention purge", () => {
  const services = useTestServices();
  let watch: WatchHandle;
  const ids = {} as Record<"oldLive" | "oldImported" | "oldImap" | "oldQuarantined" | "oldUnparsed" | "fresh", string>;

  beforeAll(async () => {
    const db = services.database.db;
    ids.oldLive = await seedMessage(db, {
      receivedAt: "2020-05-01T10:00:00Z",
      state: "parsed",
      failedAt: "2020-05-01T10:00:00Z",
    });
    // Back-filled today, but its NDR is from 2019: as old as its failure.
    ids.oldImported = await seedMessage(db, {
      receivedAt: "2026-12-01T10:00:00Z",
      state: "parsed",
      failedAt: "2019-02-01T10:00:00Z",
    });
    ids.oldImap = await seedMessage(db, {
      receivedAt: "2026-12-01T10:00:00Z",
      state: "parsed",
      internalDate: "2018-01-01T00:00:00Z",
    });
    ids.oldQuarantined = await seedMessage(db, { receivedAt: "2021-01-01T00:00:00Z", state: "quarantined" });
    ids.oldUnparsed = await seedMessage(db, { receivedAt: "2021-01-01T00:00:00Z", state: "stored" });
    ids.fresh = await seedMessage(db, {
      receivedAt: "2024-06-01T10:00:00Z",
      state: "parsed",
      failedAt: "2024-06-01T10:00:00Z",
    });
    const incident = await db.incident.create({
      data: {
        key: "fp-1",
        fingerprint: "fp",
        fingerprintVersion: 1,
        scope: "systemic",
        status: "resolved",
        cause: "cpr-in-subject",
        responsible: "own-infrastructure",
        firstSeen: new Date("2020-05-01T10:00:00Z"),
        lastSeen: new Date("2024-06-01T10:00:00Z"),
        failureCount: 2,
      },
    });
    await db.failure.updateMany({
      where: { rawMessageId: { in: [ids.oldLive, ids.fresh] } },
      data: { incidentId: incident.id },
    });
    await db.incidentEvent.create({
      data: {
        incidentId: incident.id,
        event: "incident.opened",
        sequence: 0,
        rawMessageId: ids.oldLive,
        enqueuedAt: new Date("2020-05-01T10:05:00Z"),
      },
    });
    await db.notice.create({
      data: {
        rawMessageId: ids.oldLive,
        recipient: "sagsbehandler@kommune.example",
        recipientRole: "sender",
        template: "cpr-in-subject",
        status: "sent",
      },
    });
  });

  afterAll(async () => {
    await watch?.stop();
  });

  it("its scheduler wipes the bytes of messages past RETENTION_DAYS and leaves failures, incidents and reports as they were", async () => {
    const db = services.database.db;
    const before = await snapshot(db);
    expect(before.failures).toHaveLength(3);
    watch = await startTestWatch(services, testClock(NOW), { RETENTION_DAYS: "1825" }, true);

    const expired = [ids.oldLive, ids.oldImported, ids.oldImap, ids.oldQuarantined];
    const purged = await until(
      () => db.rawMessage.findMany({ where: { purgedAt: { not: null } }, orderBy: { id: "asc" } }),
      (rows) => rows.length >= expired.length,
    );
    expect(purged.map((row) => row.id).sort()).toEqual([...expired].sort());
    for (const row of purged) {
      expect(row.encrypted.length).toBe(0);
      expect(row.purgedAt?.toISOString()).toBe(NOW.toISOString());
    }
    const kept = await db.rawMessage.findMany({ where: { id: { in: [ids.fresh, ids.oldUnparsed] } } });
    expect(kept).toHaveLength(2);
    for (const row of kept) {
      expect(row.purgedAt).toBeNull();
      expect(cipher.decrypt(row.encrypted).toString()).toContain(row.id);
    }
    expect(await snapshot(db)).toEqual(before);

    // A second run finds nothing left to do.
    expect(await purgeExpiredRawMessages(watch.context)).toBe(0);
    const schedulers = await watch.context.maintenance.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain("retention-purge");
  });
});
