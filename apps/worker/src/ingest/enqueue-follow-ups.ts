// After the commit: tell the notify and escalate queues, with deterministic job ids so a retry
// (or a second worker) enqueues nothing twice, then mark the escalations' outbox rows enqueued.
// Back-filled history enqueues nothing at all. One notify job per original message (keyed by its
// first failure; the processor loads them all): a DSN naming 10,000 recipients is one job, and
// one notice. The job's lane (packages/notify notice-lanes.ts) keeps a burst behind other senders.
import { markIncidentEventsEnqueued, preparedStatements } from "@safetynet/db";
import { BULK_PRIORITY, type NoticeLanes } from "@safetynet/notify";
import { JOBS, type JobKey, type JobPayload, jobOptions } from "@safetynet/queue";
import type { JobsOptions, Queue } from "bullmq";
import type { Escalation, IngestContext } from "./ingest-context.js";

export interface FollowUps {
  failureIds: readonly string[];
  escalations: readonly Escalation[];
  /** The original sender, for the notify lane; unknown on a re-enqueue. */
  sender?: string | null;
}

/** Validated like `enqueue`, but one round trip for all the jobs. */
async function enqueueAll<K extends JobKey>(
  queue: Queue,
  key: K,
  payloads: readonly JobPayload<K>[],
  extra: (index: number) => JobsOptions = () => ({}),
): Promise<void> {
  if (!payloads.length) return;
  const job = JOBS[key];
  await queue.addBulk(
    payloads.map((payload, index) => {
      const data = job.payload.parse(payload) as JobPayload<K>;
      return { name: job.name, data, opts: { ...jobOptions(key, data), ...extra(index) } };
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

/** One notify job per message that reported failures, on its sender's lane; one round trip. */
export async function enqueueNotices(queue: Queue, items: readonly FollowUps[], lanes?: NoticeLanes): Promise<void> {
  const messages = items.filter((item) => item.failureIds.length > 0);
  const lane = messages.map((item) => lanes?.laneFor(item.sender ?? null, item.failureIds.length) ?? "single");
  await enqueueAll(
    queue,
    "notify",
    messages.map((item) => ({ failureId: item.failureIds[0]! })),
    (index) => (lane[index] === "bulk" ? { priority: BULK_PRIORITY } : {}),
  );
}

/** The follow-ups of many messages (one finished batch) in one round trip per queue. */
export async function enqueueManyFollowUps(context: IngestContext, items: readonly FollowUps[]): Promise<void> {
  const escalations = items.flatMap((item) => item.escalations);
  await Promise.all([
    enqueueNotices(context.queues.notify, items, context.noticeLanes),
    enqueueAll(context.queues.escalate, "escalate", escalations),
  ]);
  await markIncidentEventsEnqueued(preparedStatements(context.sql), escalations);
}
