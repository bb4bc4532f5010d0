import * as scenarios from "@safetynet/classifier/test-support";
import { createQueue, JOBS, jobOptions, SWEEP_SCHEDULER_ID } from "@safetynet/queue";
import { useTestServices } from "@safetynet/testing/hooks";
import { describe, expect, it } from "vitest";
import { start } from "./index.js";
import { storeMessages, TEST_KEY } from "./ingest/test-support.js";

const services = useTestServices();

describe("two worker processes on one queue (BullMQ, real Redis and PostgreSQL)", () => {
  it("share the work and still open one incident per fault, and enqueue notify jobs once per failure", async () => {
    const messages = [
      ...scenarios.tlsRefusal(81, undefined, "two-workers.example"),
      ...scenarios.gatewayDown(82),
      ...scenarios.noise(83),
    ];
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    const queue = createQueue("ingest", { connection: services.redis.connection(), prefix: services.redis.prefix });
    await queue.addBulk(
      ids.map((messageId) => ({
        name: JOBS.ingest.name,
        data: { messageId },
        opts: jobOptions("ingest", { messageId }),
      })),
    );
    const env = {
      DATABASE_URL: services.database.url,
      REDIS_URL: services.redis.url,
      SAFETYNET_KEY: TEST_KEY,
      WORKER_CONCURRENCY: "4",
      LOG_LEVEL: "silent",
    };
    const workers = await Promise.all(
      [1, 2].map(() => start({ env, redisPrefix: services.redis.prefix, sweepIntervalMs: 0, notify: false })),
    );
    try {
      for (
        let waited = 0;
        (await services.database.db.rawMessage.count({ where: { state: "stored" } })) > 0;
        waited += 100
      ) {
        if (waited > 30_000) throw new Error("workers did not finish");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await queue.close();
    }
    expect(await services.database.db.incident.count({ where: { recipientDomain: "two-workers.example" } })).toBe(1);
    expect(await services.database.db.incident.count({ where: { cause: "gateway-cannot-return" } })).toBe(1);
    expect(await services.database.db.failure.count()).toBe(messages.length);
    const notify = createQueue("notify", { connection: services.redis.connection(), prefix: services.redis.prefix });
    expect(await notify.count()).toBe(messages.length);
    await notify.close();
  });

  it("run the incident sweep as one job scheduler on the maintenance queue, each run taken by one of them", async () => {
    // A fault of November: by now (the wall clock) it has been quiet far longer than 4 hours, so
    // only the sweep, which ticks time forward, can resolve it.
    const messages = scenarios.tlsRefusal(91, undefined, "swept.example");
    const ids = await storeMessages(
      services.database.db,
      messages.map((item) => item.raw),
    );
    const connection = services.redis.connection();
    const ingest = createQueue("ingest", { connection, prefix: services.redis.prefix });
    const maintenance = createQueue("maintenance", { connection, prefix: services.redis.prefix });
    await ingest.addBulk(
      ids.map((messageId) => ({
        name: JOBS.ingest.name,
        data: { messageId },
        opts: jobOptions("ingest", { messageId }),
      })),
    );
    const env = {
      DATABASE_URL: services.database.url,
      REDIS_URL: services.redis.url,
      SAFETYNET_KEY: TEST_KEY,
      WORKER_CONCURRENCY: "4",
      LOG_LEVEL: "silent",
    };
    const workers = await Promise.all(
      [1, 2].map(() => start({ env, redisPrefix: services.redis.prefix, sweepIntervalMs: 300, notify: false })),
    );
    try {
      const deadline = Date.now() + 30_000;
      const resolved = async () =>
        services.database.db.incident.findFirst({ where: { recipientDomain: "swept.example", status: "resolved" } });
      while (!(await resolved())) {
        if (Date.now() > deadline) throw new Error("the scheduled sweep did not resolve the quiet incident");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const sweeps = (await maintenance.getJobSchedulers()).filter((scheduler) => scheduler.key === SWEEP_SCHEDULER_ID);
      expect(sweeps.map((scheduler) => Number(scheduler.every))).toEqual([300]);
      expect(await maintenance.getJobCountByTypes("completed")).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all([ingest.close(), maintenance.close()]);
    }
    // The scheduler outlives the processes (the next worker upserts the same one, not a second).
    const again = createQueue("maintenance", { connection, prefix: services.redis.prefix });
    const keys = (await again.getJobSchedulers()).map((scheduler) => scheduler.key);
    expect(keys.filter((key) => key === SWEEP_SCHEDULER_ID)).toEqual([SWEEP_SCHEDULER_ID]);
    await again.close();
  });
});
