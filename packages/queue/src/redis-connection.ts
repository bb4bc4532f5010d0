// ioredis connections for BullMQ: workers need maxRetriesPerRequest null (blocking commands);
// every connection gets an error listener so a Redis restart never crashes the process.
import { Redis, type RedisOptions } from "ioredis";

export function createRedisConnection(redisUrl: string, options: RedisOptions = {}): Redis {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
  connection.on("error", () => {
    /* reconnects by itself; callers that care attach their own logger */
  });
  return connection;
}

export type { Redis };
