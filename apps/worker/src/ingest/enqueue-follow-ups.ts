// After the commit: tell the notify and escalate queues, with deterministic job ids so a retry
// (or a second worker) enqueues nothing twice, then mark the escalations' outbox rows enqueued.
// Back-filled history enqueues nothing at all.
import { markIncidentEventsEnqueued, preparedStatements } from "@safetynet/db";
import { JOBS, type JobKey, type JobPayload, jobOptions } from "@safetynet/queue";
import type { Queue } from "bullmq";
import type { Escalation, IngestContext } from "./ingest-context.js";

export interface FollowUps {
  failureIds: readonly string[];
  escalations: readonly Escalation[];
}

/** Validated like `enqueue`, but one round trip for all the jobs. */
async function enqueueAll<K extends JobKey>(queue: Queue, key: K, payloads: readonly JobPayload<K>[]): Promise<void> {
  if (!payloads.length) return;
  const job = JOBS[key];
  await queue.addBulk(
    payloads.map((payload) => {
      const data = job.payload.parse(payload) as JobPayload<K>;
      return { name: job.name, data, opts: jobOptions(key, data) };
    }),
  );
}

export async function enqueueFollowUps(
  context: IngestContext,
  failureIds: readonly string[],
  escalations: readonly Escalation[],
): Promise<void> {
  await enqueueManyFollowUps(context, [{ failureIds, escalations }]);
}

/** The follow-ups of many messages (one finished batch) in one round trip per queue. */
export async function enqueueManyFollowUps(context: IngestContext, items: readonly FollowUps[]): Promise<void> {
  const escalations = items.flatMap((item) => item.escalations);
  await Promise.all([
    enqueueAll(
      context.queues.notify,
      "notify",
      items.flatMap((item) => item.failureIds.map((failureId) => ({ failureId }))),
    ),
    enqueueAll(context.queues.escalate, "escalate", escalations),
  ]);
  await markIncidentEventsEnqueued(preparedStatements(context.sql), escalations);
}
