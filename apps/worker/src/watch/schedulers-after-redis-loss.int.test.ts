// The job schedulers (incident sweep, alarms, purge, digest) live in Redis: after a Redis that
// came back empty, the running worker puts them back on its own. A private redis-server, wiped
// between a stop and a start, so the shared one is untouched.
import { createLogger, parseConfig } from "@safetynet/config";
import { createQueue, SWEEP_SCHEDULER_ID } from "@safetynet/queue";
import { createPrivateRedis, type PrivateRedis } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { startWatch, type WatchHandle } from "./start-watch.js";
import { WATCH_CONFIG_KEYS } from "./watch-context.js";

describe("job schedulers after Redis lost its data", () => {
  const services = useTestServices();
  let redis: PrivateRedis | undefined;
  let watch: WatchHandle | undefined;
  let connection: Redis | undefined;
  let maintenance: Queue | undefined;
  afterAll(async () => {
    await watch?.stop();
    await maintenance?.close();
    connection?.disconnect();
    await redis?.destroy();
  });

  it("are upserted again when the connection is back", { timeout: 60_000 }, async () => {
    redis = await createPrivateRedis();
    const config = parseConfig({ REDIS_URL: redis.url }, [...WATCH_CONFIG_KEYS, "REDIS_URL"]);
    watch = await startWatch({
      db: services.database.db,
      config,
      logger: createLogger({ level: "silent" }),
      prefix: "schedulers",
      sweep: { everyMs: 3_600_000, run: async () => [] },
    });
    connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    connection.on("error", () => undefined);
    maintenance = createQueue("maintenance", { connection, prefix: "schedulers" });
    const ids = async () => (await maintenance!.getJobSchedulers()).map((scheduler) => scheduler.key).sort();
    const before = await ids();
    expect(before).toContain(SWEEP_SCHEDULER_ID);

    await redis.stop();
    redis.wipe();
    await redis.start();
    const deadline = Date.now() + 30_000;
    let after: string[] = [];
    while (Date.now() < deadline) {
      after = await ids().catch(() => []);
      if (after.length === before.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after).toEqual(before);
  });
});
