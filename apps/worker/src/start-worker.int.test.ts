import * as scenarios from "@safetynet/classifier/test-support";
import { createQueue, JOBS, jobOptions } from "@safetynet/queue";
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
});
