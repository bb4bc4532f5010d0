// Webhook work that only Redis knew was still to do, found again from the database (the sweep's
// backstop): incident events put on the escalate queue a while ago whose job never finished, and
// pending dispatches of active endpoints whose next attempt is long overdue. Re-enqueueing either
// is safe: job ids are deterministic, so a job still queued, running or kept makes it a no-op.
import type { IncidentEventKey } from "./record-incident-events.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

/** Events enqueued more than `olderThanSeconds` ago (the database's clock) and not handled. */
export async function loadUnhandledIncidentEvents(
  client: SqlClient,
  olderThanSeconds: number,
): Promise<IncidentEventKey[]> {
  return queryRows<IncidentEventKey>(
    client,
    sql`SELECT "incidentId", "event", "sequence" FROM "IncidentEvent"
         WHERE "handledAt" IS NULL
           AND "enqueuedAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${olderThanSeconds}::float8)
         ORDER BY "enqueuedAt", "sequence" LIMIT 1000`,
  );
}

export interface OverdueDispatch {
  id: string;
  /** The attempt that is due: attempts made so far plus one. */
  attempt: number;
}

/** Pending dispatches to active endpoints whose next attempt was due more than `overdueSeconds` ago. */
export async function loadOverdueWebhookDispatches(
  client: SqlClient,
  overdueSeconds: number,
): Promise<OverdueDispatch[]> {
  return queryRows<OverdueDispatch>(
    client,
    sql`SELECT d.id, d.attempts + 1 AS attempt FROM "WebhookDispatch" d
          JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
         WHERE d.status = 'pending' AND e.active
           AND d."nextAttemptAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${overdueSeconds}::float8)
         ORDER BY d."nextAttemptAt" LIMIT 1000`,
  );
}
