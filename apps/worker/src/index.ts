// The worker's single entry point: `start()` runs the BullMQ `ingest` processor (parse, classify,
// group), the incident sweep, sender notices and supplier webhooks (escalate); `stop()` stops taking jobs, lets the ones in hand finish, closes.
import { settingsFromConfig, withOwnDomains } from "@safetynet/classifier";
import { createLogger, type Logger } from "@safetynet/config";
import {
  createDbClient,
  createRawMessageCipher,
  createTransactionPool,
  type DbClient,
  retryWhileUnreachable,
} from "@safetynet/db";
import { createNoticeLanes } from "@safetynet/notify";
import { createQueue, createRedisConnection, JOBS } from "@safetynet/queue";
import { Worker } from "bullmq";
import type { EscalateContext } from "./escalate/escalate-context.js";
import { seedSuppliersFile } from "./escalate/seed-suppliers-file.js";
import { startEscalateWorkers } from "./escalate/start-escalate-workers.js";
import { createBatcher } from "./ingest/batcher.js";
import { ingestBatch } from "./ingest/ingest-batch.js";
import type { IngestContext } from "./ingest/ingest-context.js";
import { processIngest, stepsShared } from "./ingest/process-ingest.js";
import { createReportReader } from "./ingest/read-report-in-thread.js";
import { sweepIncidents } from "./ingest/sweep-incidents.js";
import { createRulesSource, readRulesFile } from "./load-rules.js";
import { startNotifyWorker } from "./notify/start-notify-worker.js";
import { startWatch } from "./watch/start-watch.js";
import { readWorkerConfig, type WorkerConfig } from "./worker-config.js";

export interface StartOptions {
  /** Configuration source; the process environment (and .env) when omitted. */
  env?: Record<string, string | undefined>;
  logger?: Logger;
  /** Redis key prefix for queues; REDIS_PREFIX when omitted. */
  redisPrefix?: string;
  /**
   * How often the incident sweep runs (default 30 s): one job scheduler on the `maintenance` queue
   * shared by all workers, each run taken by one of them. 0: this process neither schedules nor
   * runs sweeps (tests, benchmarks).
   */
  sweepIntervalMs?: number;
  /** Size of the plain pool the ingest transactions use (default: concurrency + 2, at most 20). */
  poolSize?: number;
  /** Messages per ingest transaction at most (default: half of WORKER_CONCURRENCY, so the next batch is read and parsed while one commits); 1 turns batching off. */
  batchSize?: number;
  /** Ingest transactions in flight at once (default 1: batches of one worker never wait on each other's locks). */
  batchParallel?: number;
  /** Called after each ingest transaction with its size and duration (benchmarks, metrics). */
  onBatch?: (size: number, ms: number) => void;
  /** Also run the notify queue (sender notices over SMTP_URL); default true. */
  notify?: boolean;
  /** Also run the escalate and webhooks queues (supplier webhooks); default true. */
  escalate?: boolean;
  /** Tests: the webhook delivery's resolver, timeout, jitter and clock. */
  webhookOverrides?: Pick<EscalateContext, "resolve" | "timeoutMs" | "random" | "clock">;
  /** Crash tests: a short job lock and stalled check, so a rescuer takes over a killed worker's jobs quickly. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Also run the watch jobs (canary, alarms, daily digest) and their schedulers; default true. */
  watch?: boolean;
  /** Crash tests: points inside and after a batch's transaction. */
  hooks?: IngestContext["hooks"];
}

export interface WorkerHandle {
  config: WorkerConfig;
  context: IngestContext;
  db: DbClient;
  stop(): Promise<void>;
}

export type { IngestContext, IngestOutcome } from "./ingest/ingest-context.js";
export { CANARY_KIND } from "./ingest/prepare-message.js";
export { processIngest } from "./ingest/process-ingest.js";
export { sweepIncidents } from "./ingest/sweep-incidents.js";
export { deliverAlarm } from "./watch/deliver-alarm.js";
export { evaluateAlarms } from "./watch/evaluate-alarms.js";
export { sendDailyDigest } from "./watch/send-daily-digest.js";
export { startWatch, type WatchHandle, type WatchOptions } from "./watch/start-watch.js";
export type { WatchContext } from "./watch/watch-context.js";

export async function start(options: StartOptions = {}): Promise<WorkerHandle> {
  const config = readWorkerConfig(options.env);
  const log = (options.logger ?? createLogger({ level: config.LOG_LEVEL })).child({ component: "worker" });
  const prefix = options.redisPrefix ?? config.REDIS_PREFIX;
  const db = createDbClient(config.DATABASE_URL, { poolSize: 4 });
  const sql = createTransactionPool(config.DATABASE_URL, {
    poolSize: options.poolSize ?? Math.min(config.WORKER_CONCURRENCY + 2, 20),
  });
  if (config.SUPPLIERS_FILE) {
    // Before the rules are read: seeded suppliers attribute failures from the first message on.
    const file = config.SUPPLIERS_FILE;
    const seeded = await retryWhileUnreachable("seed suppliers", () => seedSuppliersFile(db, file), { log });
    log.info(
      { suppliers: seeded.suppliers, endpointsCreated: seeded.created.length, endpointsUpdated: seeded.updated },
      "suppliers seeded from SUPPLIERS_FILE",
    );
  }
  const queueConnection = createRedisConnection(config.REDIS_URL);
  const workerConnection = createRedisConnection(config.REDIS_URL);
  const rules = createRulesSource(
    db,
    withOwnDomains(await readRulesFile(config.RESPONSIBILITY_RULES), config.INTERNAL_DOMAINS),
  );
  await retryWhileUnreachable("read rules", () => rules.get(), { log });
  const context: IngestContext = {
    db,
    sql,
    cipher: createRawMessageCipher(config.SAFETYNET_KEY),
    rules,
    settings: settingsFromConfig(config),
    queues: {
      notify: createQueue("notify", { connection: queueConnection, prefix }),
      escalate: createQueue("escalate", { connection: queueConnection, prefix }),
      webhooks: createQueue("webhooks", { connection: queueConnection, prefix }),
    },
    // A sender's messages beyond the digest threshold within the digest window go on the bulk lane.
    noticeLanes: createNoticeLanes({
      singlesPerSender: config.NOTICE_DIGEST_THRESHOLD,
      windowMs: Math.max(config.NOTICE_DIGEST_MINUTES, 1) * 60_000,
    }),
    log,
    reports: createReportReader(log),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  };
  // Concurrent jobs share transactions: one commit and one lock round for many messages. Two may
  // be in flight: while one carries a 10,000-recipient DSN, the next batch of other senders need
  // not wait for it to finish (bench/e2e storm: slowest other sender 1.02-1.06 s with one at a
  // time, 0.85-0.88 s with two; the burst is no slower). Grouping locks its fingerprints, so two
  // batches of one fault still take turns.
  const batchSize = options.batchSize ?? Math.ceil(config.WORKER_CONCURRENCY / 2);
  const batch = createBatcher((messages) => ingestBatch(context, messages), {
    maxSize: batchSize,
    lingerMs: 5,
    parallel: options.batchParallel ?? 2,
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  });
  // ... and share the message loads and the follow-up enqueues: one round trip each, not one per job.
  const steps = stepsShared(context, batch, batchSize);
  const worker = new Worker(JOBS.ingest.queue, async (job) => processIngest(context, job.data, steps), {
    connection: workerConnection,
    prefix,
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: options.lockDurationMs ?? JOBS.ingest.lockDurationMs,
    // A job stalls when its worker dies; BullMQ fails one that stalls more than this many times,
    // and a failed ingest job would mean no failure rows and no notice. Ingest is safe to run again.
    maxStalledCount: 1_000,
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
  });
  // Job ids only: never the payload's content (it carries ids anyway) nor error text with mail in it.
  worker.on("failed", (job, error) =>
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, error: error.name }, "ingest job failed"),
  );
  worker.on("error", (error) => log.error({ error: error.name }, "worker connection error"));

  const sweepEvery = options.sweepIntervalMs ?? 30_000;
  const notifier =
    options.notify === false
      ? null
      : startNotifyWorker({ db, logger: log, prefix, ...(options.env ? { env: options.env } : {}) });
  const escalator =
    options.escalate === false
      ? null
      : startEscalateWorkers({
          db,
          logger: log,
          redisUrl: config.REDIS_URL,
          prefix,
          dashboardUrl: config.PUBLIC_URL ?? `http://${config.API_HOST}:${config.API_PORT}`,
          allowHosts: config.WEBHOOK_ALLOW_HOSTS,
          ...(options.webhookOverrides ? { overrides: options.webhookOverrides } : {}),
        });
  // One processor for the maintenance queue (watch jobs and the incident sweep): BullMQ hands each
  // job to whichever worker on the queue takes it, so every job name must be known to all of them.
  const sweep = { everyMs: sweepEvery, run: () => sweepIncidents(context, rules.databaseSupplierIds()) };
  const watch =
    options.watch === false && sweepEvery === 0
      ? null
      : await startWatch({ db, config, logger: log, prefix, sweep, schedule: options.watch !== false });
  log.info({ concurrency: config.WORKER_CONCURRENCY, batchSize }, "worker started");

  let stopped: Promise<void> | null = null;
  return {
    config,
    context,
    db,
    stop() {
      stopped ??= (async () => {
        await Promise.all([worker.close(), notifier?.stop(), escalator?.stop(), watch?.stop()]);
        await Promise.all(Object.values(context.queues).map((queue) => queue.close())).catch(() => undefined);
        await Promise.all([queueConnection.quit(), workerConnection.quit()]).catch(() => undefined);
        await Promise.all([db.$disconnect(), sql.end(), context.reports?.close()]);
        log.info("worker stopped");
      })();
      return stopped;
    },
  };
}
