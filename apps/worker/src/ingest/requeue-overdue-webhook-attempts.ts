// The webhook retries' backstop (the incident sweep runs it): a Redis that came back without its
// data has lost the delayed jobs of retries. The database still knows each pending dispatch whose
// next attempt is long overdue; that attempt goes on the webhooks queue again under its
// deterministic job id, so one still queued, running or kept is left alone.
import { loadOverdueWebhookDispatches, preparedStatements } from "@safetynet/db";
import { enqueueWebhookAttempt } from "@safetynet/queue";
import type { IngestContext } from "./ingest-context.js";

export async function requeueOverdueWebhookAttempts(context: IngestContext, graceSeconds: number): Promise<number> {
  const dispatches = await loadOverdueWebhookDispatches(preparedStatements(context.sql), graceSeconds);
  await Promise.all(
    dispatches.map((dispatch) => enqueueWebhookAttempt(context.queues.webhooks, dispatch.id, dispatch.attempt)),
  );
  if (dispatches.length)
    context.log.info({ attempts: dispatches.length }, "sweep: overdue webhook attempts put on the queue again");
  return dispatches.length;
}
