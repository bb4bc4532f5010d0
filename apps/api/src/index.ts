// The API's single entry point: `start()` connects to PostgreSQL and Redis, builds the app and
// listens on API_HOST:API_PORT; `stop()` stops taking requests, lets the ones in hand finish, closes.
import { createLogger, type Logger } from "@safetynet/config";
import { createDbClient, createRawMessageCipher, createTransactionPool } from "@safetynet/db";
import { createQueue, createRedisConnection } from "@safetynet/queue";
import { type ApiConfig, readApiConfig } from "./api-config.js";
import type { AppDeps } from "./app-deps.js";
import { type App, buildApp } from "./build-app.js";

export interface StartOptions {
  /** Configuration source; the process environment (and .env) when omitted. */
  env?: Record<string, string | undefined>;
  logger?: Logger;
  /** Redis key prefix for queues; REDIS_PREFIX when omitted. */
  redisPrefix?: string;
  /** Overrides API_PORT (tests listen on port 0). */
  port?: number;
  rateLimit?: number | false;
}

export interface ApiHandle {
  config: ApiConfig;
  app: App;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  stop(): Promise<void>;
}

export type { AppDeps } from "./app-deps.js";
export { type App, buildApp } from "./build-app.js";

export async function start(options: StartOptions = {}): Promise<ApiHandle> {
  const config = readApiConfig(options.env);
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const prefix = options.redisPrefix ?? config.REDIS_PREFIX;
  const db = createDbClient(config.DATABASE_URL, { poolSize: 5 });
  const sql = createTransactionPool(config.DATABASE_URL, { poolSize: 10, genericPlans: false });
  const redis = createRedisConnection(config.REDIS_URL);
  redis.on("error", (error: Error) => logger.warn({ component: "api", error: error.name }, "redis connection error"));
  const queues = {
    ingest: createQueue("ingest", { connection: redis, prefix }),
    notify: createQueue("notify", { connection: redis, prefix }),
    escalate: createQueue("escalate", { connection: redis, prefix }),
    webhooks: createQueue("webhooks", { connection: redis, prefix }),
  };
  const deps: AppDeps = {
    db,
    sql,
    redis,
    queues,
    cipher: createRawMessageCipher(config.SAFETYNET_KEY),
    secretKey: config.SAFETYNET_KEY,
    logger,
    adminToken: config.ADMIN_TOKEN,
    internalDomains: config.INTERNAL_DOMAINS,
    webhookSecretGraceHours: config.WEBHOOK_SECRET_GRACE_HOURS,
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
  };
  const app = await buildApp(deps);
  const url = await app.listen({ host: config.API_HOST, port: options.port ?? config.API_PORT });
  app.log.info({ url }, "api listening");
  let stopped: Promise<void> | null = null;
  return {
    config,
    app,
    url,
    stop() {
      stopped ??= (async () => {
        await app.close();
        await Promise.all(Object.values(queues).map((queue) => queue.close())).catch(() => undefined);
        await redis.quit().catch(() => undefined);
        await Promise.all([db.$disconnect(), sql.end()]);
        logger.info({ component: "api" }, "api stopped");
      })();
      return stopped;
    },
  };
}
