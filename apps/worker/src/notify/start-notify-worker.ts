// Runs the notify queue inside the worker: a pooled SMTP transport, a prepared-statement pool
// for the per-notice queries, and the processor. `stop()` stops taking jobs first, then closes.
import { type Logger, loadConfig, parseConfig } from "@safetynet/config";
import { createUtcSqlPool, type DbClient } from "@safetynet/db";
import { createNoticeTransport } from "@safetynet/notify";
import { createRedisConnection, QUEUE_NAMES } from "@safetynet/queue";
import { Worker } from "bullmq";
import { createNotifyProcessor } from "./create-notify-processor.js";
import { NOTIFY_CONFIG_KEYS } from "./notify-context.js";
import { NOTIFY_WORKER_OPTIONS } from "./notify-worker-options.js";

const KEYS = [
  ...NOTIFY_CONFIG_KEYS,
  "DATABASE_URL",
  "REDIS_URL",
  "SMTP_URL",
  "SMTP_STARTTLS",
  "SMTP_TLS_REJECT_UNAUTHORIZED",
  "SMTP_POOL_SIZE",
  "NOTICE_DATA_WINDOW",
] as const;

export interface NotifyWorkerOptions {
  db: DbClient;
  logger: Logger;
  prefix: string;
  env?: Record<string, string | undefined>;
}

export function startNotifyWorker(options: NotifyWorkerOptions): { stop(): Promise<void> } {
  const config = options.env ? parseConfig(options.env, KEYS) : loadConfig(KEYS);
  const log = options.logger.child({ queue: "notify" });
  const transport = createNoticeTransport(config);
  const sql = createUtcSqlPool(config.DATABASE_URL, { poolSize: 8 });
  const connection = createRedisConnection(config.REDIS_URL);
  // The relay ceiling's own connection (BullMQ's worker connection blocks while it waits for jobs);
  // none when the limit is off.
  const rateRedis = config.NOTICE_RELAY_RATE > 0 ? createRedisConnection(config.REDIS_URL) : null;
  const rateStore = rateRedis ? { rateStore: { redis: rateRedis, keyPrefix: `${options.prefix}:notice-rate` } } : {};
  const worker = new Worker(
    QUEUE_NAMES.notify,
    createNotifyProcessor({ db: options.db, sql, transport, config, logger: log, ...rateStore }),
    {
      connection,
      prefix: options.prefix,
      ...NOTIFY_WORKER_OPTIONS,
    },
  );
  worker.on("failed", (job, error) =>
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, error: error.name }, "notify job failed"),
  );
  worker.on("error", (error) => log.error({ error: error.name }, "notify worker connection error"));
  return {
    async stop() {
      await worker.close();
      transport.close();
      await Promise.all([connection.quit(), rateRedis?.quit()]).catch(() => undefined);
      await sql.end();
    },
  };
}
