// A notice left in `sending` by a worker that died: its claim (older than the sending lease) is
// taken over in one statement, for every notice that shares its Message-ID (a digest's notices
// leave together). Whether the dead worker had begun DATA decides what the copy is: before DATA
// the server never had it (a plain resend); inside DATA it may have (a possible duplicate).
import type { SqlClient } from "./sql-client.js";
import type { NoticeRow } from "./upsert-pending-notices.js";

export interface ReclaimedNotice extends NoticeRow {
  /** The dead worker had begun the DATA phase: this copy may be a second one. */
  wasInData: boolean;
  /**
   * Some earlier copy may have reached the server: this claim's dead worker was inside DATA, or an
   * earlier one was (a worker that took over a possible repeat and died before DATA leaves no DATA
   * record, yet the copy it meant to send again is still out there). Every later copy is marked.
   */
  mayRepeat: boolean;
}

export async function reclaimInterruptedNotices(
  sql: SqlClient,
  input: {
    smtpMessageId: string;
    /** Only claims made before this (the lease has run out) belong to a dead worker. */
    claimedBefore: Date;
    now: Date;
    /** NOTICE_ON_UNCERTAIN=resend: take over notices that were inside DATA too. */
    includeInData: boolean;
  },
): Promise<ReclaimedNotice[]> {
  const { rows } = await sql.query<ReclaimedNotice>(
    `WITH old AS (
       SELECT id, "dataStartedAt" IS NOT NULL AS in_data, "possibleDuplicates" > 0 AS repeated_before FROM "Notice"
        WHERE "smtpMessageId" = $1 AND status = 'sending' AND "claimedAt" < ($2::timestamptz AT TIME ZONE 'UTC')
          AND ($4::boolean OR "dataStartedAt" IS NULL)
        FOR UPDATE
     ), taken AS (
       UPDATE "Notice" n SET "claimedAt" = ($3::timestamptz AT TIME ZONE 'UTC'), "dataStartedAt" = NULL, attempts = attempts + 1,
              "possibleDuplicates" = "possibleDuplicates" + CASE WHEN old.in_data THEN 1 ELSE 0 END,
              "updatedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
         FROM old WHERE n.id = old.id
       RETURNING n.id, n."rawMessageId", n.recipient, n."recipientRole", n.template, n.language, n.status::text AS status,
                 n.attempts, n."smtpMessageId", n."claimedAt", n."holdUntil", n."failureIds", n."createdAt", old.in_data AS "wasInData",
                 (old.in_data OR old.repeated_before) AS "mayRepeat"
     )
     SELECT * FROM taken ORDER BY "createdAt"`,
    [input.smtpMessageId, input.claimedBefore.toISOString(), input.now.toISOString(), input.includeInData],
  );
  return rows;
}
