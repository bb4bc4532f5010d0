// Outbox events a crash may have kept off the escalate queue: those of given messages (their ingest
// job is being retried), or any recorded a while ago (the sweep's backstop; the database's clock).
import type { IncidentEventKey } from "./record-incident-events.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export type UnenqueuedFilter = { rawMessageIds: readonly string[] } | { olderThanSeconds: number };

export async function loadUnenqueuedIncidentEvents(
  client: SqlClient,
  filter: UnenqueuedFilter,
): Promise<IncidentEventKey[]> {
  const query =
    "rawMessageIds" in filter
      ? sql`SELECT "incidentId", "event", "sequence" FROM "IncidentEvent"
          WHERE "rawMessageId" = ANY(${[...filter.rawMessageIds]}::text[]) AND "enqueuedAt" IS NULL ORDER BY "createdAt", "sequence"`
      : sql`SELECT "incidentId", "event", "sequence" FROM "IncidentEvent"
          WHERE "enqueuedAt" IS NULL AND "createdAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${filter.olderThanSeconds}::float8)
          ORDER BY "createdAt", "sequence" LIMIT 1000`;
  return queryRows<IncidentEventKey>(client, query);
}
