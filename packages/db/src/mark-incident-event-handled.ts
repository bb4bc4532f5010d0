// The escalate job's last step: the event became a webhook message (or needs none: silenced, no
// supplier, no endpoints), so the sweep's backstop never enqueues it again.
import type { DbClient } from "./create-db-client.js";
import type { IncidentEventKey } from "./record-incident-events.js";

export async function markIncidentEventHandled(db: DbClient, key: IncidentEventKey, now = new Date()): Promise<void> {
  await db.incidentEvent.updateMany({
    where: { incidentId: key.incidentId, event: key.event, sequence: key.sequence, handledAt: null },
    data: { handledAt: now },
  });
}
