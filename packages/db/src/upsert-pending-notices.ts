// Records the notices for one original message before anything is sent: one row per person
// (unique rawMessageId + recipient), so a retried or duplicated job finds them instead of adding
// more. The same statement reads what the digest decision needs about each person and, for a new
// notice that may go out at once, claims it (pending -> sending): three statements per notice, not four.
import type { SqlClient } from "./sql-client.js";

export interface PendingNoticeInput {
  /** Chosen by the caller, so the Message-ID is known before the row exists. */
  id: string;
  smtpMessageId: string;
  recipient: string;
  recipientRole: string;
  template: string;
  language: string;
  failureIds: string[];
  /** The caller may send this notice now (it holds a rate-limit token): claim it if the digest rule allows. */
  mayClaim: boolean;
}

export interface NoticeRow {
  id: string;
  rawMessageId: string;
  recipient: string;
  recipientRole: string;
  template: string;
  language: string;
  status: "pending" | "sending" | "sent" | "failed" | "suppressed" | "uncertain";
  attempts: number;
  smtpMessageId: string | null;
  claimedAt: Date | null;
  holdUntil: Date | null;
  failureIds: string[];
  createdAt: Date;
}

export interface PendingNotice extends NoticeRow {
  /** Other notices to the same person created within the digest window before this one. */
  recentCount: number;
  /** The earliest hold of a notice already waiting for this person's digest. */
  pendingHoldUntil: Date | null;
  /** This statement inserted the notice already claimed: the caller sends it and nobody else. */
  claimedNow: boolean;
}

export const NOTICE_COLUMNS = `id, "rawMessageId", recipient, "recipientRole", template, language, status::text AS status, attempts,
  "smtpMessageId", "claimedAt", "holdUntil", "failureIds", "createdAt"`;

export const noticeSelect = {
  id: true,
  rawMessageId: true,
  recipient: true,
  recipientRole: true,
  template: true,
  language: true,
  status: true,
  attempts: true,
  smtpMessageId: true,
  claimedAt: true,
  holdUntil: true,
  failureIds: true,
  createdAt: true,
} as const;

export interface DigestRule {
  /** NOTICE_DIGEST_MINUTES in seconds; 0 turns digests off. */
  windowSeconds: number;
  /** NOTICE_DIGEST_THRESHOLD. */
  threshold: number;
}

const NOW = `(now() AT TIME ZONE 'UTC')`;

export async function upsertPendingNotices(
  sql: SqlClient,
  rawMessageId: string,
  originalMessageId: string | null,
  notices: readonly PendingNoticeInput[],
  digest: DigestRule = { windowSeconds: 0, threshold: 1 },
): Promise<PendingNotice[]> {
  if (notices.length === 0) return [];
  // A new row is inserted as `sending` when the caller may send and the person got fewer than
  // `threshold` notices within the window: decideDigest's send-now rule, applied where the row is
  // born so no other job can see it pending. A row that already existed (a retried or sibling
  // job) comes back unclaimed with its digest figures, for the caller's full decision path. The
  // insert's RETURNING gives new rows; the second SELECT (same snapshot) cannot see them.
  const { rows } = await sql.query<PendingNotice>(
    `WITH input AS (
       SELECT t.*,
              CASE WHEN $10::float8 > 0 THEN (
                SELECT count(*)::int FROM "Notice" n WHERE n.recipient = t.recipient AND n."createdAt" >= ${NOW} - make_interval(secs => $10::float8)
              ) ELSE 0 END AS recent,
              CASE WHEN $10::float8 > 0 THEN (
                SELECT min(n."holdUntil") FROM "Notice" n WHERE n.recipient = t.recipient AND n.status = 'pending' AND n."holdUntil" IS NOT NULL
              ) END AS pending_hold
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $11::boolean[])
              AS t(recipient, role, template, language, failure_ids, id, message_id, may_claim)
     ), decided AS (
       SELECT input.*, (may_claim AND ($10::float8 <= 0 OR recent < $12::int)) AS claim_now FROM input
     ), inserted AS (
       INSERT INTO "Notice" (id, "rawMessageId", "originalMessageId", recipient, "recipientRole", template, language, "failureIds",
                             status, attempts, "claimedAt", "smtpMessageId", "createdAt", "updatedAt")
       SELECT id, $1, $2, recipient, role, template, language, string_to_array(failure_ids, ','),
              CASE WHEN claim_now THEN 'sending'::"NoticeStatus" ELSE 'pending'::"NoticeStatus" END,
              CASE WHEN claim_now THEN 1 ELSE 0 END, CASE WHEN claim_now THEN ${NOW} END, message_id, ${NOW}, ${NOW}
         FROM decided
       ON CONFLICT ("rawMessageId", recipient) DO NOTHING
       RETURNING ${NOTICE_COLUMNS}
     )
     SELECT inserted.*, d.recent AS "recentCount", d.pending_hold AS "pendingHoldUntil", inserted.status = 'sending' AS "claimedNow"
       FROM inserted JOIN decided d ON d.recipient = inserted.recipient
     UNION ALL
     SELECT n.id, n."rawMessageId", n.recipient, n."recipientRole", n.template, n.language, n.status::text AS status, n.attempts,
            n."smtpMessageId", n."claimedAt", n."holdUntil", n."failureIds", n."createdAt",
            CASE WHEN $10::float8 > 0 THEN (
              SELECT count(*)::int FROM "Notice" o
               WHERE o.recipient = n.recipient AND o.id <> n.id
                 AND o."createdAt" >= n."createdAt" - make_interval(secs => $10::float8) AND o."createdAt" <= n."createdAt"
            ) ELSE 0 END,
            d.pending_hold, false
       FROM "Notice" n JOIN decided d ON d.recipient = n.recipient
      WHERE n."rawMessageId" = $1`,
    [
      rawMessageId,
      originalMessageId,
      notices.map((n) => n.recipient),
      notices.map((n) => n.recipientRole),
      notices.map((n) => n.template),
      notices.map((n) => n.language),
      notices.map((n) => n.failureIds.join(",")),
      notices.map((n) => n.id),
      notices.map((n) => n.smtpMessageId),
      digest.windowSeconds,
      notices.map((n) => n.mayClaim),
      digest.threshold,
    ],
  );
  return rows;
}
