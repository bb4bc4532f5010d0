// Creates the catalog's queues and enqueues validated payloads with deterministic job ids.
import { type Logger, logErrors } from "@safetynet/config";
import { type ConnectionOptions, Queue } from "bullmq";
import { JOBS, type JobKey, type JobPayload, type QueueName } from "./job-catalog.js";

export interface QueueContext {
  connection: ConnectionOptions;
  /** Redis key prefix; tests use a fresh one each. */
  prefix?: string;
  /** Where connection errors are logged (with backoff); the root logger by default. */
  logger?: Logger;
}

export function createQueue(name: QueueName, context: QueueContext): Queue {
  const queue = new Queue(name, { connection: context.connection, prefix: context.prefix ?? "safetynet" });
  // Connection errors also surface on the next call; the listener keeps the emitter from
  // crashing the process and leaves a trace of an outage.
  logErrors(queue, `queue ${name}`, context.logger ? { logger: context.logger } : {});
  return queue;
}

export function jobOptions<K extends JobKey>(key: K, payload: JobPayload<K>) {
  const job = JOBS[key];
  return {
    jobId: job.jobId(payload as never),
    attempts: job.attempts,
    backoff: job.backoff,
    removeOnComplete: job.keepCompleted,
    removeOnFail: job.keepFailed,
  };
}

/** Validate and enqueue; the same payload twice yields one job (deterministic jobId). */
export async function enqueue<K extends JobKey>(queue: Queue, key: K, payload: JobPayload<K>): Promise<string> {
  const job = JOBS[key];
  const data = job.payload.parse(payload);
  const added = await queue.add(job.name, data, jobOptions(key, data as JobPayload<K>));
  return added.id!;
}

/** Validate a payload when a processor receives it (the other half of rule 3). */
export function readPayload<K extends JobKey>(key: K, data: unknown): JobPayload<K> {
  return JOBS[key].payload.parse(data) as JobPayload<K>;
}
