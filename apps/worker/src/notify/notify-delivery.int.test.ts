// Delivery against a loopback SMTP listener that refuses on demand: 4xx retries with backoff
// and sends once, 5xx gives up, marks the notice failed and alerts staff; digests gather bursts.
import { type SmtpListener, startSmtpListener } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedMessage } from "./testing/seed-failures.js";
import { eventually, type NotifyHarnessOptions, startNotifyWorker } from "./testing/start-notify-worker.js";

const services = useTestServices();
let smtp: SmtpListener;
let harness: ReturnType<typeof startNotifyWorker> | undefined;

beforeAll(async () => {
  smtp = await startSmtpListener();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  smtp.messages.length = 0;
  smtp.rejectWith(null);
});
afterAll(async () => {
  await smtp.close();
});

function start(options: Partial<NotifyHarnessOptions> = {}) {
  harness = startNotifyWorker({
    db: services.database.db,
    databaseUrl: services.database.url,
    smtpUrl: smtp.url,
    connection: () => services.redis.connection(),
    prefix: `${services.redis.prefix}-${Math.random().toString(36).slice(2, 8)}`,
    backoffMs: 200,
    ...options,
  });
  return harness;
}

describe("notify processor: delivery", () => {
  it("retries a 451 with backoff and sends exactly one notice", async () => {
    const worker = start();
    smtp.rejectWith(451, 2);
    const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
      originalSender: "retry@kommune.example",
      failures: [{ recipient: "x@else.example" }],
    });
    await worker.enqueue(failureIds[0]!);
    const notice = await eventually(async () => {
      const row = await services.database.db.notice.findFirst({ where: { rawMessageId } });
      return row?.status === "sent" && row;
    });
    expect(notice.attempts).toBe(3);
    await worker.settled(failureIds);
    expect(smtp.messages.filter((m) => m.to.includes("retry@kommune.example"))).toHaveLength(1);
  });

  it("gives up on a 550: the notice is failed, staff alerted, nothing retried", async () => {
    const worker = start();
    smtp.rejectWith(550, 1);
    const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
      originalSender: "refused@kommune.example",
      failures: [{ recipient: "x@else.example" }],
    });
    await worker.enqueue(failureIds[0]!);
    const notice = await eventually(async () => {
      const row = await services.database.db.notice.findFirst({ where: { rawMessageId } });
      return row?.status === "failed" && row;
    });
    expect(notice.lastError).toMatch(/^smtp 550/);
    expect(notice.attempts).toBe(1);
    const alert = await services.database.db.auditEvent.findFirst({
      where: { action: "notice.failed", target: notice.id },
    });
    expect(alert?.detail).toMatchObject({ responseCode: 550, rawMessageId });
    expect(JSON.stringify(alert)).not.toContain("refused@kommune.example");
    const job = await worker.queue.getJob(`notify-${failureIds[0]}`);
    expect(await job?.getState()).toBe("failed");
    expect(smtp.messages).toHaveLength(0);
  });

  it("after the last attempt of 4xx, marks failed and alerts", async () => {
    const worker = start({ attempts: 2 });
    smtp.rejectWith(421, 5);
    const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
      originalSender: "busy@kommune.example",
      failures: [{ recipient: "x@else.example" }],
    });
    await worker.enqueue(failureIds[0]!);
    const notice = await eventually(async () => {
      const row = await services.database.db.notice.findFirst({ where: { rawMessageId } });
      return row?.status === "failed" && row;
    });
    expect(notice.attempts).toBe(2);
    expect(await services.database.db.auditEvent.count({ where: { action: "notice.failed", target: notice.id } })).toBe(
      1,
    );
  });

  it("sends the first notices at once and gathers the rest of a burst into one digest", async () => {
    const worker = start({ config: { NOTICE_DIGEST_MINUTES: 0.05, NOTICE_DIGEST_THRESHOLD: 2 } }); // 3 s window
    const seeded = [];
    for (let i = 0; i < 5; i++) {
      seeded.push(
        await seedMessage(services.database.db, {
          originalSender: "burst@kommune.example",
          originalMessageId: `<burst-${i}@kommune.example>`,
          failures: [{ recipient: `r${i}@else.example` }],
        }),
      );
      await worker.enqueue(seeded[i]!.failureIds[0]!);
      // One after the other, as a caseworker's mails arrive: this one sent or held before the next.
      await worker.settled(seeded[i]!.failureIds, ["completed", "delayed"]);
    }
    const mails = await smtp.waitForMessages(3, 15_000);
    const subjects = await Promise.all(mails.map(async (mail) => (await mail.parse()).subject));
    expect(subjects).toEqual([
      "[Sikkerhedsnet] Din mail nåede IKKE frem",
      "[Sikkerhedsnet] Din mail nåede IKKE frem",
      "[Sikkerhedsnet] 3 af dine mails nåede IKKE frem",
    ]);
    const digest = await mails[2]!.parse();
    for (const i of [2, 3, 4]) expect(digest.text).toContain(`<burst-${i}@kommune.example>`);
    const notices = await eventually(async () => {
      const rows = await services.database.db.notice.findMany({ where: { recipient: "burst@kommune.example" } });
      return rows.every((row) => row.status === "sent") && rows;
    });
    expect(new Set(notices.map((row) => row.smtpMessageId)).size).toBe(3);
    await worker.settled(seeded.flatMap((message) => message.failureIds));
    expect(smtp.messages).toHaveLength(3);
  });

  it("holds notices above the relay ceiling back until the next window", async () => {
    // A ceiling of 10, its window stretched to 10 s: 10 notices go at once, the other 2 wait.
    const worker = start({ config: { NOTICE_RELAY_RATE: 10 }, deps: { rateWindowSeconds: 10 } });
    const seeded = [];
    for (let i = 0; i < 12; i++)
      seeded.push(
        await seedMessage(services.database.db, {
          originalSender: `rate${i}@kommune.example`,
          failures: [{ recipient: "x@else.example" }],
        }),
      );
    for (const { failureIds } of seeded) await worker.enqueue(failureIds[0]!);
    // The jobs' states close the window: 10 done, 2 waiting as delayed jobs.
    await eventually(async () => {
      const counts = await worker.queue.getJobCounts("completed", "delayed");
      return counts.completed === 10 && counts.delayed === 2;
    });
    expect(smtp.messages).toHaveLength(10);
    const waiting = await services.database.db.notice.findMany({
      where: { rawMessageId: { in: seeded.map((message) => message.rawMessageId) }, status: { not: "sent" } },
    });
    expect(waiting).toHaveLength(2);
  });

  it("shares one ceiling between worker processes (counted in Redis)", async () => {
    // Two workers on separate queues, as two processes would hold different jobs, one rate store.
    const rateStore = { redis: services.redis.connection(), keyPrefix: `${services.redis.prefix}:notice-rate` };
    const config = { NOTICE_RELAY_RATE: 1 }; // one notice in each 10 s window, for both workers
    const first = start({ config, deps: { rateStore, rateWindowSeconds: 10 } });
    const second = startNotifyWorker({
      db: services.database.db,
      databaseUrl: services.database.url,
      smtpUrl: smtp.url,
      connection: () => services.redis.connection(),
      prefix: `${services.redis.prefix}-second`,
      config,
      deps: { rateStore, rateWindowSeconds: 10 },
    });
    try {
      const a = await seedMessage(services.database.db, {
        originalSender: "shared-a@kommune.example",
        failures: [{ recipient: "x@shared.example" }],
      });
      const b = await seedMessage(services.database.db, {
        originalSender: "shared-b@kommune.example",
        failures: [{ recipient: "y@shared.example" }],
      });
      await first.enqueue(a.failureIds[0]!);
      await second.enqueue(b.failureIds[0]!);
      // With per-process counting both would go; with the shared count one job waits, delayed.
      await eventually(async () => {
        const [one, two] = await Promise.all([
          first.queue.getJobCounts("completed", "delayed"),
          second.queue.getJobCounts("completed", "delayed"),
        ]);
        const done = (one.completed ?? 0) + (two.completed ?? 0);
        return done === 1 && (one.delayed ?? 0) + (two.delayed ?? 0) === 1;
      });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
