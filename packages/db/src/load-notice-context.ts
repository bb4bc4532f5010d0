// Everything a notify job reads, in one round trip: every failure of the original message the
// job's failure belongs to, the raw message's source, and the staff directory entries (plus
// managers) for the addresses involved, with whether a directory is loaded at all.
import type { StaffEntry } from "@safetynet/core";
import type { SqlClient } from "./sql-client.js";

export interface NoticeFailureRow {
  id: string;
  recipient: string;
  cause: string;
  scope: string;
  originalSender: string | null;
  subjectMasked: string | null;
  originalMessageId: string | null;
  originalDate: Date | null;
  failedAt: Date;
  incidentKey: string | null;
  notifiedTo: string | null;
}

export type DirectoryRow = StaffEntry;

export interface NoticeContext {
  rawMessageId: string;
  source: "live" | "import";
  backfilled: boolean;
  failures: NoticeFailureRow[];
  /** False when no directory was ever imported: internal senders are then mailed directly. */
  directoryLoaded: boolean;
  /** By lower-case e-mail. */
  directory: Map<string, DirectoryRow>;
}

type JsonFailure = Omit<NoticeFailureRow, "originalDate" | "failedAt"> & {
  originalDate: string | null;
  failedAt: string;
  backfilled: boolean;
  rawMessageId: string;
  source: string;
};

// json_agg renders `timestamp` columns without a zone; Prisma stores them as UTC.
const utc = (value: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);

export async function loadNoticeContext(sql: SqlClient, failureId: string): Promise<NoticeContext | null> {
  const { rows } = await sql.query<{ failures: JsonFailure[] | null; loaded: boolean; entries: DirectoryRow[] | null }>(
    `WITH failures AS (
       SELECT f.id, f.recipient, f.cause, f.scope::text AS scope, f."originalSender", f."subjectMasked", f."originalMessageId",
              f."originalDate", f."failedAt", f."notifiedTo", f.backfilled, i.key AS "incidentKey", f."rawMessageId",
              r.source::text AS source, f."recipientIndex"
         FROM "Failure" me
         JOIN "RawMessage" r ON r.id = me."rawMessageId"
         JOIN "Failure" f ON f."rawMessageId" = r.id
         LEFT JOIN "Incident" i ON i.id = f."incidentId"
        WHERE me.id = $1
     ), addresses AS (
       SELECT lower("originalSender") AS email FROM failures WHERE "originalSender" IS NOT NULL
       UNION SELECT lower(recipient) FROM failures
     ), direct AS (
       -- Imports store addresses in lower case, so plain equality uses the primary key index.
       SELECT email, name, department, "managerEmail", active, language FROM "StaffMember" WHERE email IN (SELECT email FROM addresses)
     ), managers AS (
       SELECT email, name, department, "managerEmail", active, language FROM "StaffMember"
        WHERE email IN (SELECT lower("managerEmail") FROM direct WHERE "managerEmail" IS NOT NULL)
          AND email NOT IN (SELECT email FROM addresses)
     )
     SELECT (SELECT json_agg(failures ORDER BY "recipientIndex") FROM failures) AS failures,
            EXISTS (SELECT 1 FROM "StaffMember") AS loaded,
            (SELECT json_agg(x) FROM (SELECT * FROM direct UNION ALL SELECT * FROM managers) x) AS entries`,
    [failureId],
  );
  const row = rows[0];
  const failures = row?.failures ?? [];
  const first = failures[0];
  if (!row || !first) return null;
  return {
    rawMessageId: first.rawMessageId,
    source: first.source === "import" ? "import" : "live",
    backfilled: failures.some((failure) => failure.backfilled),
    failures: failures.map(
      ({
        backfilled: _b,
        rawMessageId: _r,
        source: _s,
        recipientIndex: _i,
        ...failure
      }: JsonFailure & { recipientIndex?: number }) => ({
        ...failure,
        originalDate: failure.originalDate ? utc(failure.originalDate) : null,
        failedAt: utc(failure.failedAt),
      }),
    ),
    directoryLoaded: row.loaded,
    directory: new Map((row.entries ?? []).map((entry) => [entry.email.toLowerCase(), entry])),
  };
}
