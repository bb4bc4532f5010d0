// Test and benchmark support: the real notify processor in a BullMQ worker on real Redis, with a
// real SMTP transport to a loopback SMTP listener, wired as start-notify-worker.ts wires production
// (pg pool, concurrency, SMTP pool), with the knobs tests need (short locks, backoff, a prefix).
import { createUtcSqlPool, type DbClient } from "@safetynet/db";
import { createNoticeTransport } from "@safetynet/notify";
import { createQueue, JOBS, jobOptions, QUEUE_NAMES } from "@safetynet/queue";
import { until } from "@safetynet/testing";
import { type ConnectionOptions, Worker } from "bullmq";
import { createNotifyProcessor } from "../create-notify-processor.js";
import type { NotifyConfig, NotifyDeps } from "../notify-context.js";
import { NOTIFY_WORKER_OPTIONS } from "../notify-worker-options.js";

export const TEST_NOTIFY_CONFIG: NotifyConfig = {
  NOTICE_FROM: "sikkerhedsnet@kommune.example",
  INTERNAL_DOMAINS: ["kommune.example"],
  TEAM_MAILBOX: "team@kommune.example",
  NOTICE_CONTACT: "IT-sikkerhed, sikkerhedsnet@kommune.example",
  NOTICE_DIGEST_MINUTES: 0,
  NOTICE_DIGEST_THRESHOLD: 3,
  NOTICE_RELAY_RATE: 0,
  NOTICE_ON_UNCERTAIN: "resend",
};

export interface NotifyHarnessOptions {
  db: DbClient;
  /** The processor's node-postgres pool connects here, as in production. */
  databaseUrl: string;
  smtpUrl: string;
  connection: () => ConnectionOptions;
  prefix: string;
  config?: Partial<NotifyConfig>;
  concurrency?: number;
  poolSize?: number;
  lockDuration?: number;
  stalledInterval?: number;
  /** Backoff of retried jobs; tests shorten the catalog's 5 s. */
  backoffMs?: number;
  attempts?: number;
  sqlPoolSize?: number;
  /** NOTICE_DATA_WINDOW (default 1: at most one notice cut off inside DATA by a kill). */
  dataWindow?: number;
  /** False: the worker waits for `worker.run()` (the benchmark starts all workers together). */
  autorun?: boolean;
  deps?: Partial<NotifyDeps>;
}

export function startNotifyWorker(options: NotifyHarnessOptions) {
  const transport = createNoticeTransport({
    SMTP_URL: options.smtpUrl,
    NOTICE_FROM: options.config?.NOTICE_FROM ?? TEST_NOTIFY_CONFIG.NOTICE_FROM,
    SMTP_STARTTLS: "off",
    SMTP_TLS_REJECT_UNAUTHORIZED: true,
    SMTP_POOL_SIZE: options.poolSize ?? 5,
    NOTICE_DATA_WINDOW: options.dataWindow ?? 1,
  });
  // The production wiring (start-notify-worker.ts): a pg pool of 8, SMTP pool of 5, concurrency 32.
  const sql = createUtcSqlPool(options.databaseUrl, { poolSize: options.sqlPoolSize ?? 8 });
  const processor = createNotifyProcessor({
    db: options.db,
    sql,
    transport,
    config: { ...TEST_NOTIFY_CONFIG, ...options.config },
    ...options.deps,
  });
  const worker = new Worker(QUEUE_NAMES.notify, processor, {
    connection: options.connection(),
    prefix: options.prefix,
    concurrency: options.concurrency ?? NOTIFY_WORKER_OPTIONS.concurrency,
    lockDuration: options.lockDuration ?? JOBS.notify.lockDurationMs,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: NOTIFY_WORKER_OPTIONS.maxStalledCount,
    autorun: options.autorun ?? true,
  });
  worker.on("error", () => {});
  const queue = createQueue(QUEUE_NAMES.notify, { connection: options.connection(), prefix: options.prefix });
  return {
    worker,
    queue,
    transport,
    async enqueue(failureId: string) {
      const base = jobOptions("notify", { failureId });
      await queue.add(
        JOBS.notify.name,
        { failureId },
        {
          ...base,
          attempts: options.attempts ?? base.attempts,
          backoff: options.backoffMs === undefined ? base.backoff : { type: "fixed", delay: options.backoffMs },
        },
      );
    },
    /** Wait until the jobs of these failures reach one of `states` (their end, by default). */
    async settled(failureIds: readonly string[], states: readonly string[] = ["completed", "failed"]) {
      for (const failureId of failureIds)
        await eventually(async () => states.includes((await queue.getJobState(`notify-${failureId}`)) as string));
    },
    async close() {
      await worker.close();
      await queue.close();
      transport.close();
      await sql.end();
    },
  };
}

/** Poll until `check` holds (the processor runs in the background). */
export function eventually<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 15_000): Promise<T> {
  return until("the condition", check, timeoutMs);
}
