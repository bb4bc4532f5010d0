// Webhook retries that only Redis knew were due (delayed jobs), found again from the database (the
// sweep's backstop): pending dispatches of active endpoints whose next attempt is long overdue.
// Re-enqueueing is safe: the job id names the dispatch and the attempt, so a job still queued,
// running or kept makes it a no-op.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

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
