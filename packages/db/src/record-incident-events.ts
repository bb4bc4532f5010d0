// The escalation outbox, written inside the transaction that decided the events: a commit then
// means "these events will reach the escalate queue", even if the process dies right after it.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface IncidentEventKey {
  incidentId: string;
  event: "incident.opened" | "incident.updated" | "incident.resolved";
  sequence: number;
}

/** Events already recorded (a retried step) are left as they are. */
export async function recordIncidentEvents(
  client: SqlClient,
  events: readonly (IncidentEventKey & { rawMessageId: string | null })[],
): Promise<void> {
  if (!events.length) return;
  await queryRows(
    client,
    sql`
    INSERT INTO "IncidentEvent" ("id", "incidentId", "event", "sequence", "rawMessageId", "createdAt")
    SELECT gen_random_uuid()::text, e.incident_id, e.event, e.sequence, e.raw_message_id, now() AT TIME ZONE 'UTC'
    FROM unnest(${events.map((e) => e.incidentId)}::text[], ${events.map((e) => e.event)}::text[], ${events.map((e) => e.sequence)}::int[],
      ${events.map((e) => e.rawMessageId)}::text[]) AS e(incident_id, event, sequence, raw_message_id)
    ON CONFLICT ("incidentId", "event", "sequence") DO NOTHING`,
  );
}
