// Runs the escalate queue (incident events -> webhook messages and dispatches) and the webhooks
// queue (one job per attempt) inside the worker. `stop()` stops taking jobs first, then closes.
import type { Logger } from "@safetynet/config";
import { type DbClient, markIncidentEventHandled } from "@safetynet/db";
import { createQueue, createRedisConnection, JOBS, readPayload } from "@safetynet/queue";
import { Worker } from "bullmq";
import { deliverAttempt } from "./deliver-attempt.js";
import type { EscalateContext } from "./escalate-context.js";
import { escalateIncident } from "./escalate-incident.js";

export interface EscalateWorkerOptions {
  db: DbClient;
  logger: Logger;
  redisUrl: string;
  prefix: string;
  dashboardUrl: string;
  allowHosts: readonly string[];
  /** Attempts in flight at once: each may wait up to the 15 s timeout on a slow receiver. */
  deliveryConcurrency?: number;
  /** Tests: a resolver, a short timeout, a fixed jitter. */
  overrides?: Pick<EscalateContext, "resolve" | "timeoutMs" | "random" | "clock">;
}

export function startEscalateWorkers(options: EscalateWorkerOptions): { stop(): Promise<void> } {
  const log = options.logger.child({ queue: "escalate" });
  const queueConnection = createRedisConnection(options.redisUrl);
  const escalateConnection = createRedisConnection(options.redisUrl);
  const deliverConnection = createRedisConnection(options.redisUrl);
  const ctx: EscalateContext = {
    db: options.db,
    webhooks: createQueue("webhooks", { connection: queueConnection, prefix: options.prefix }),
    dashboardUrl: options.dashboardUrl,
    allowHosts: options.allowHosts,
    log,
    ...options.overrides,
  };
  const escalate = new Worker(
    JOBS.escalate.queue,
    async (job) => {
      const payload = readPayload("escalate", job.data);
      const result = await escalateIncident(ctx, payload);
      // Its dispatches are recorded and their first attempts queued: the sweep's backstop is done with it.
      await markIncidentEventHandled(options.db, payload);
      log.debug({ jobId: job.id, result }, "escalation handled");
      return result;
    },
    {
      connection: escalateConnection,
      prefix: options.prefix,
      concurrency: 4,
      lockDuration: JOBS.escalate.lockDurationMs,
    },
  );
  const deliver = new Worker(
    JOBS.deliverWebhook.queue,
    async (job) => deliverAttempt(ctx, readPayload("deliverWebhook", job.data)),
    {
      connection: deliverConnection,
      prefix: options.prefix,
      concurrency: options.deliveryConcurrency ?? 16,
      lockDuration: JOBS.deliverWebhook.lockDurationMs,
    },
  );
  for (const [name, worker] of [
    ["escalate", escalate],
    ["webhooks", deliver],
  ] as const) {
    worker.on("failed", (job, error) =>
      log.warn({ queue: name, jobId: job?.id, attempts: job?.attemptsMade, error: error.name }, "job failed"),
    );
    worker.on("error", (error) => log.error({ queue: name, error: error.name }, "worker connection error"));
  }
  return {
    async stop() {
      await Promise.all([escalate.close(), deliver.close()]);
      await ctx.webhooks.close().catch(() => undefined);
      await Promise.all([queueConnection.quit(), escalateConnection.quit(), deliverConnection.quit()]).catch(
        () => undefined,
      );
    },
  };
}
