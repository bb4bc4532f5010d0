// ioredis connections for BullMQ: workers need maxRetriesPerRequest null (blocking commands);
// every connection gets an error listener so a Redis restart never crashes the process, and an
// outage is logged (once, then with backoff) at the root logger while ioredis reconnects.
import { logErrors } from "@safetynet/config";
import { Redis, type RedisOptions } from "ioredis";

export function createRedisConnection(redisUrl: string, options: RedisOptions = {}): Redis {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
  logErrors(connection, "redis");
  return connection;
}

export type { Redis };
