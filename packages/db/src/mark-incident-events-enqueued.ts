// The outbox's last step: events now on the escalate queue are marked, so nothing enqueues them again.
import type { IncidentEventKey } from "./record-incident-events.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export async function markIncidentEventsEnqueued(
  client: SqlClient,
  events: readonly IncidentEventKey[],
): Promise<void> {
  if (!events.length) return;
  await queryRows(
    client,
    sql`
    UPDATE "IncidentEvent" AS e SET "enqueuedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${events.map((e) => e.incidentId)}::text[], ${events.map((e) => e.event)}::text[], ${events.map((e) => e.sequence)}::int[])
      AS k(incident_id, event, sequence)
    WHERE e."incidentId" = k.incident_id AND e."event" = k.event AND e."sequence" = k.sequence AND e."enqueuedAt" IS NULL`,
  );
}
