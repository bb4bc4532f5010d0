// Outbox events whose escalation may never happen without help: those of given messages not yet on
// the escalate queue (their ingest job is being retried), or any whose escalate job has not finished
// a while after it was recorded or enqueued (the sweep's backstop, the database's clock): a worker
// died between commit and enqueue, or a Redis that came back without its data lost the job.
import type { IncidentEventKey } from "./record-incident-events.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export type UnescalatedFilter = { rawMessageIds: readonly string[] } | { olderThanSeconds: number };

export async function loadUnescalatedIncidentEvents(
  client: SqlClient,
  filter: UnescalatedFilter,
): Promise<IncidentEventKey[]> {
  const query =
    "rawMessageIds" in filter
      ? sql`SELECT "incidentId", "event", "sequence" FROM "IncidentEvent"
          WHERE "rawMessageId" = ANY(${[...filter.rawMessageIds]}::text[]) AND "enqueuedAt" IS NULL ORDER BY "createdAt", "sequence"`
      : sql`SELECT "incidentId", "event", "sequence" FROM "IncidentEvent"
          WHERE "handledAt" IS NULL
            AND COALESCE("enqueuedAt", "createdAt") < now() AT TIME ZONE 'UTC' - make_interval(secs => ${filter.olderThanSeconds}::float8)
          ORDER BY COALESCE("enqueuedAt", "createdAt"), "sequence" LIMIT 1000`;
  return queryRows<IncidentEventKey>(client, query);
}
