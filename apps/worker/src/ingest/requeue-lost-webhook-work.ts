// The supplier path's backstop (the incident sweep runs it), beside the notice path's: a Redis that
// came back without its data has lost the escalate jobs of events already marked enqueued, and the
// delayed jobs of webhook retries. The database still knows both: events enqueued a while ago and
// never handled, and pending dispatches whose next attempt is long overdue. Each goes on its queue
// again under its deterministic job id, so one still queued, running or kept is left alone.
import { loadOverdueWebhookDispatches, loadUnhandledIncidentEvents, preparedStatements } from "@safetynet/db";
import { enqueueWebhookAttempt } from "@safetynet/queue";
import { enqueueFollowUps } from "./enqueue-follow-ups.js";
import type { IngestContext } from "./ingest-context.js";

export interface RequeuedWebhookWork {
  escalations: number;
  attempts: number;
}

export async function requeueLostWebhookWork(
  context: IngestContext,
  graceSeconds: number,
): Promise<RequeuedWebhookWork> {
  const sql = preparedStatements(context.sql);
  const [events, dispatches] = await Promise.all([
    loadUnhandledIncidentEvents(sql, graceSeconds),
    loadOverdueWebhookDispatches(sql, graceSeconds),
  ]);
  if (events.length) await enqueueFollowUps(context, [], events);
  await Promise.all(
    dispatches.map((dispatch) => enqueueWebhookAttempt(context.queues.webhooks, dispatch.id, dispatch.attempt)),
  );
  if (events.length || dispatches.length)
    context.log.info(
      { escalations: events.length, attempts: dispatches.length },
      "sweep: webhook work not done in time put on the queues again",
    );
  return { escalations: events.length, attempts: dispatches.length };
}
