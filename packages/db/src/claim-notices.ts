// The "before" record of the exactly-once design: a notice moves pending -> sending in one
// conditional update, with the Message-ID it will carry, so only one job ever sends it.
import type { DbClient } from "./create-db-client.js";
import type { SqlClient } from "./sql-client.js";
import { type NoticeRow, noticeSelect } from "./upsert-pending-notices.js";

/** Claim one pending notice; false when another job already claimed, sent or failed it. */
export async function claimNotice(
  sql: SqlClient,
  noticeId: string,
  smtpMessageId: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await sql.query(
    `UPDATE "Notice" SET status = 'sending', "claimedAt" = ($3::timestamptz AT TIME ZONE 'UTC'), "smtpMessageId" = $2,
            "dataStartedAt" = NULL, attempts = attempts + 1, "updatedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
      WHERE id = $1 AND status = 'pending'
     RETURNING id`,
    [noticeId, smtpMessageId, now.toISOString()],
  );
  return rows.length === 1;
}

/** Claim every held notice for one person whose hold is over: they leave together as one digest. */
export async function claimHeldNotices(
  db: DbClient,
  recipient: string,
  smtpMessageId: string,
  now: Date,
): Promise<NoticeRow[]> {
  return db.notice.updateManyAndReturn({
    where: { recipient, status: "pending", holdUntil: { lte: now } },
    data: { status: "sending", claimedAt: now, dataStartedAt: null, smtpMessageId, attempts: { increment: 1 } },
    select: noticeSelect,
  });
}
