// The notice path's backstop (the incident sweep runs it): live messages parsed a while ago whose
// failures have no notice row and told nobody, so their notify job may never have run (a Redis that
// came back without its data lost it). One failure id per message, as the notify job is keyed;
// the job decides again whom to tell, and its deterministic id makes a job still queued or kept a no-op.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface UnnoticedWindow {
  /** Leave the ordinary path this long to enqueue and run the job (the database's clock). */
  olderThanSeconds: number;
  /** Look back no further: older messages were swept before, and reports keep the rest. */
  withinSeconds: number;
}

export async function loadUnnoticedMessages(client: SqlClient, window: UnnoticedWindow): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    client,
    sql`SELECT DISTINCT ON (f."rawMessageId") f.id FROM "RawMessage" r
        JOIN "Failure" f ON f."rawMessageId" = r.id
       WHERE r."receivedAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${window.olderThanSeconds}::float8)
         AND r."receivedAt" >= now() AT TIME ZONE 'UTC' - make_interval(secs => ${window.withinSeconds}::float8)
         AND r.state = 'parsed' AND r.source = 'live' AND NOT f.backfilled
         AND NOT EXISTS (SELECT 1 FROM "Notice" n WHERE n."rawMessageId" = r.id)
         AND NOT EXISTS (SELECT 1 FROM "Failure" told WHERE told."rawMessageId" = r.id AND told."notifiedTo" IS NOT NULL)
       ORDER BY f."rawMessageId", f."recipientIndex"
       LIMIT 5000`,
  );
  return rows.map((row) => row.id);
}
