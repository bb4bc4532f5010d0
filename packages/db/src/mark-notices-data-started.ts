// The point of no return of a notice: the SMTP server answered 354 to DATA and is about to get
// the message. Recorded before the first byte goes out, so a notice without it was never accepted
// and a crash before it means "send again"; after it, the delivery is uncertain.
import type { SqlClient } from "./sql-client.js";

/** False when the claim is no longer this sender's (a rescuer took it over): do not send. */
export async function markNoticesDataStarted(
  sql: SqlClient,
  noticeIds: readonly string[],
  claimedAt: Date,
  now: Date,
): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE "Notice" SET "dataStartedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
      WHERE id = ANY($1::text[]) AND status = 'sending' AND "claimedAt" = ($2::timestamptz AT TIME ZONE 'UTC')
     RETURNING id`,
    [[...noticeIds], claimedAt.toISOString(), now.toISOString()],
  );
  return rows.length === noticeIds.length;
}
