// Runs the maintenance queue inside the worker: job schedulers (canary every CANARY_INTERVAL,
// alarms every ALARM_CHECK_INTERVAL, the digest on DIGEST_CRON in DIGEST_TZ, the incident sweep,
// the retention purge hourly)
// and the one processor for them and for alarm notifications. Schedulers are upserted, so every
// worker process may call this: BullMQ keeps one schedule per id, and each run is one job.
import type { Logger } from "@safetynet/config";
import type { DbClient } from "@safetynet/db";
import {
  createQueue,
  createRedisConnection,
  JOBS,
  QUEUE_NAMES,
  RETENTION_PURGE_EVERY_MS,
  RETENTION_SCHEDULER_ID,
  readPayload,
  SWEEP_SCHEDULER_ID,
} from "@safetynet/queue";
import { type Job, Worker } from "bullmq";
import { deliverAlarm } from "./deliver-alarm.js";
import { evaluateAlarms } from "./evaluate-alarms.js";
import { purgeExpiredRawMessages } from "./purge-expired-raw-messages.js";
import { runCanaryProbe } from "./run-canary-probe.js";
import { sendDailyDigest } from "./send-daily-digest.js";
import type { WatchConfig, WatchContext } from "./watch-context.js";

export interface WatchOptions {
  db: DbClient;
  config: WatchConfig & { REDIS_URL: string };
  logger: Logger;
  prefix: string;
  clock?: () => Date;
  /** Register the watch schedulers (default true; tests drive the jobs themselves). */
  schedule?: boolean;
  /**
   * The incident sweep (its own scheduler, `SWEEP_SCHEDULER_ID`, every `everyMs`; 0: not
   * scheduled by this process, but its jobs are still run when another process scheduled them).
   */
  sweep?: { everyMs: number; run: () => Promise<unknown[]> };
}

export interface WatchHandle {
  context: WatchContext;
  stop(): Promise<void>;
}

export async function startWatch(options: WatchOptions): Promise<WatchHandle> {
  const log = options.logger.child({ queue: "maintenance" });
  const connection = createRedisConnection(options.config.REDIS_URL);
  const workerConnection = createRedisConnection(options.config.REDIS_URL);
  const queue = (name: (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES]) =>
    createQueue(name, { connection, prefix: options.prefix });
  const maintenance = queue(QUEUE_NAMES.maintenance);
  const watched = [
    queue(QUEUE_NAMES.ingest),
    queue(QUEUE_NAMES.notify),
    queue(QUEUE_NAMES.escalate),
    queue(QUEUE_NAMES.webhooks),
  ];
  const clock = options.clock ?? (() => new Date());
  const context: WatchContext = {
    db: options.db,
    config: options.config,
    log,
    maintenance,
    watched,
    clock,
    startedAt: clock(),
  };
  const { config } = options;
  const { sweep } = options;
  async function upsertSchedulers(): Promise<void> {
    if (options.schedule !== false) {
      const template = (key: "canaryProbe" | "evaluateAlarms" | "dailyDigest" | "purgeRawMessages") => ({
        name: JOBS[key].name,
        data: {},
        opts: {
          attempts: JOBS[key].attempts,
          backoff: JOBS[key].backoff,
          removeOnComplete: JOBS[key].keepCompleted,
          removeOnFail: JOBS[key].keepFailed,
        },
      });
      if (config.CANARY_TO) {
        await maintenance.upsertJobScheduler("canary", { every: config.CANARY_INTERVAL }, template("canaryProbe"));
      } else {
        await maintenance.removeJobScheduler("canary");
      }
      await maintenance.upsertJobScheduler(
        "alarms",
        { every: config.ALARM_CHECK_INTERVAL },
        template("evaluateAlarms"),
      );
      await maintenance.upsertJobScheduler(
        "daily-digest",
        { pattern: config.DIGEST_CRON, tz: config.DIGEST_TZ },
        template("dailyDigest"),
      );
      // BullMQ runs an `every` scheduler's first job at once, so a fresh start purges straight away.
      await maintenance.upsertJobScheduler(
        RETENTION_SCHEDULER_ID,
        { every: RETENTION_PURGE_EVERY_MS },
        template("purgeRawMessages"),
      );
    }
    if (sweep && sweep.everyMs > 0) {
      const job = JOBS.sweepIncidents;
      await maintenance.upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { every: sweep.everyMs },
        {
          name: job.name,
          data: {},
          opts: { attempts: job.attempts, removeOnComplete: job.keepCompleted, removeOnFail: job.keepFailed },
        },
      );
    }
  }
  // The schedulers live in Redis. A Redis that comes back without its data (no persistence, a
  // failover to an empty replica) would otherwise never run the sweep, the alarms or the purge
  // again until a worker restarted: found by the reliability suite (incidents never resolved).
  // Upserting is idempotent, so every reconnect does it again.
  let starting = true;
  connection.on("ready", () => {
    if (starting) return;
    upsertSchedulers().catch((error: unknown) =>
      log.warn({ error: error instanceof Error ? error.name : String(error) }, "could not upsert the job schedulers"),
    );
  });
  await upsertSchedulers();
  starting = false;
  const worker = new Worker(
    QUEUE_NAMES.maintenance,
    async (job: Job) => {
      switch (job.name) {
        case JOBS.sweepIncidents.name:
          readPayload("sweepIncidents", job.data);
          if (!sweep) throw new Error("this process runs no incident sweep");
          return (await sweep.run()).length;
        case JOBS.canaryProbe.name:
          return runCanaryProbe(context);
        case JOBS.evaluateAlarms.name:
          return (await evaluateAlarms(context)).length;
        case JOBS.alarmNotify.name:
          return deliverAlarm(context, readPayload("alarmNotify", job.data));
        case JOBS.dailyDigest.name:
          return sendDailyDigest(context);
        case JOBS.purgeRawMessages.name:
          readPayload("purgeRawMessages", job.data);
          return purgeExpiredRawMessages(context);
        default:
          throw new Error(`unknown maintenance job ${job.name}`);
      }
    },
    { connection: workerConnection, prefix: options.prefix, concurrency: 4, lockDuration: 60_000 },
  );
  worker.on("failed", (job, error) =>
    log.warn(
      { jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, error: error.name },
      "maintenance job failed",
    ),
  );
  worker.on("error", (error) => log.error({ error: error.name }, "maintenance worker connection error"));
  log.info({ canary: Boolean(config.CANARY_TO), digest: `${config.DIGEST_CRON} ${config.DIGEST_TZ}` }, "watch started");
  return {
    context,
    async stop() {
      await worker.close();
      await Promise.all([maintenance, ...watched].map((q) => q.close())).catch(() => undefined);
      await Promise.all([connection.quit(), workerConnection.quit()]).catch(() => undefined);
    },
  };
}
