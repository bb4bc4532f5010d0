import { createQueue, JOBS, jobOptions } from "@safetynet/queue";
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from "@safetynet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as scenarios from "../../../packages/classifier/src/test-support/scenarios.js";
import { start } from "./index.js";
import { storeMessages, TEST_KEY } from "./ingest/test-support.js";

let database: TestDatabase;
let redis: TestRedis;
beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedis();
});
afterAll(async () => {
  await redis.cleanup();
  await database.drop();
});

describe("two worker processes on one queue (BullMQ, real Redis and PostgreSQL)", () => {
  it("share the work and still open one incident per fault, and enqueue notify jobs once per failure", async () => {
    const messages = [...scenarios.tlsRefusal(81, undefined, "two-workers.example"), ...scenarios.gatewayDown(82), ...scenarios.noise(83)];
    const ids = await storeMessages(database.db, messages.map((item) => item.raw));
    const queue = createQueue("ingest", { connection: redis.connection(), prefix: redis.prefix });
    await queue.addBulk(ids.map((messageId) => ({ name: JOBS.ingest.name, data: { messageId }, opts: jobOptions("ingest", { messageId }) })));
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, SAFETYNET_KEY: TEST_KEY, WORKER_CONCURRENCY: "4", LOG_LEVEL: "silent" };
    const workers = await Promise.all([1, 2].map(() => start({ env, redisPrefix: redis.prefix, sweepIntervalMs: 0, notify: false })));
    try {
      for (let waited = 0; (await database.db.rawMessage.count({ where: { state: "stored" } })) > 0; waited += 100) {
        if (waited > 30_000) throw new Error("workers did not finish");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await queue.close();
    }
    expect(await database.db.incident.count({ where: { recipientDomain: "two-workers.example" } })).toBe(1);
    expect(await database.db.incident.count({ where: { cause: "gateway-cannot-return" } })).toBe(1);
    expect(await database.db.failure.count()).toBe(messages.length);
    const notify = createQueue("notify", { connection: redis.connection(), prefix: redis.prefix });
    expect(await notify.count()).toBe(messages.length);
    await notify.close();
  });
});
