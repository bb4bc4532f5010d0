// The "after" record: the server accepted the notice (250 to DATA). The notices become sent and
// each failure records who was told (Failure.notifiedTo), in one statement, hence atomically.
import type { SqlClient } from "./sql-client.js";

export async function markNoticesSent(
  sql: SqlClient,
  noticeIds: readonly string[],
  failureIds: readonly string[],
  notifiedTo: string,
  now: Date,
): Promise<void> {
  await sql.query(
    `WITH notices AS (
       UPDATE "Notice" SET status = 'sent', "sentAt" = ($3::timestamptz AT TIME ZONE 'UTC'), "lastError" = NULL, "updatedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
        WHERE id = ANY($1::text[]) AND status = 'sending' RETURNING id
     ), failures AS (
       UPDATE "Failure" SET "notifiedTo" = $4, "updatedAt" = ($3::timestamptz AT TIME ZONE 'UTC') WHERE id = ANY($2::text[]) RETURNING id
     )
     SELECT (SELECT count(*) FROM notices)::int AS notices, (SELECT count(*) FROM failures)::int AS failures`,
    [[...noticeIds], [...failureIds], now.toISOString(), notifiedTo],
  );
}
