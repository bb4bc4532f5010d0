// A fresh Redis key prefix per test, and cleanup of every key under it (and under prefixes a test
// derives from it, `${prefix}-...`: the random part has a fixed length, so no other prefix matches).
import { randomBytes } from "node:crypto";
import { loadConfig } from "@safetynet/config";
import { Redis } from "ioredis";

export interface TestRedis {
  prefix: string;
  url: string;
  /** A connection suitable for BullMQ (maxRetriesPerRequest: null). */
  connection(): Redis;
  cleanup(): Promise<void>;
}

export function createTestRedis(): TestRedis {
  const url = loadConfig(["REDIS_URL"]).REDIS_URL;
  const prefix = `sn-test-${randomBytes(5).toString("hex")}`;
  const opened: Redis[] = [];
  return {
    prefix,
    url,
    connection() {
      const redis = new Redis(url, { maxRetriesPerRequest: null });
      redis.on("error", () => {});
      opened.push(redis);
      return redis;
    },
    async cleanup() {
      const redis = new Redis(url);
      try {
        let cursor = "0";
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
          cursor = next;
          if (keys.length) await redis.unlink(...keys);
        } while (cursor !== "0");
      } finally {
        await redis.quit();
        await Promise.all(opened.map((connection) => connection.quit().catch(() => undefined)));
      }
    },
  };
}
