// Writes one row per failed recipient of a batch of messages (inside the ingest transaction) in one
// statement; the (message, recipient index) key makes a replay a no-op. Returns ids by message#index.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface NewFailure {
  /** Chosen by the caller (a UUID), so grouping can refer to the row before it is written. */
  id: string;
  rawMessageId: string;
  recipientIndex: number;
  reason: string;
  cause: string;
  status: string | null;
  replyCode: string | null;
  diagnosticMasked: string | null;
  reportingMta: string | null;
  remoteMta: string | null;
  originalSender: string | null;
  recipient: string;
  recipientDomain: string | null;
  subjectMasked: string | null;
  originalMessageId: string | null;
  originalDate: Date | null;
  failedAt: Date;
  responsible: string;
  fingerprint: string;
  backfilled: boolean;
  incidentId: string | null;
  scope: "individual" | "systemic";
}

/** Rows are new by construction (their message is locked and still "stored"); a replay is a no-op. */
export async function recordFailures(client: SqlClient, failures: readonly NewFailure[]): Promise<void> {
  if (!failures.length) return;
  const column = <K extends keyof NewFailure>(key: K) => failures.map((failure) => failure[key]);
  // unnest() over typed arrays: one statement and a fixed parameter count for any batch size
  // (the ORM's createMany builds a statement per row and was the worker's bottleneck).
  await queryRows(
    client,
    sql`
    INSERT INTO "Failure" ("id", "rawMessageId", "recipientIndex", "reason", "cause", "status", "replyCode", "diagnosticMasked",
      "reportingMta", "remoteMta", "originalSender", "recipient", "recipientDomain", "subjectMasked", "originalMessageId",
      "originalDate", "failedAt", "responsible", "fingerprint", "backfilled", "incidentId", "scope", "updatedAt")
    SELECT u.id, u.raw, u.idx, u.reason, u.cause, u.status, u.reply, u.diag, u.rmta, u.remote, u.sender, u.rcpt, u.domain,
           u.subject, u.omid, u.odate, u.failed, u.resp, u.fp, u.back, u.incident, u.scope::"Scope", now()
    FROM unnest(
      ${column("id")}::text[], ${column("rawMessageId")}::text[], ${column("recipientIndex")}::int[],
      ${column("reason")}::text[], ${column("cause")}::text[], ${column("status")}::text[], ${column("replyCode")}::text[],
      ${column("diagnosticMasked")}::text[], ${column("reportingMta")}::text[], ${column("remoteMta")}::text[],
      ${column("originalSender")}::text[], ${column("recipient")}::text[], ${column("recipientDomain")}::text[],
      ${column("subjectMasked")}::text[], ${column("originalMessageId")}::text[], ${column("originalDate")}::timestamp[],
      ${column("failedAt")}::timestamp[], ${column("responsible")}::text[], ${column("fingerprint")}::text[],
      ${column("backfilled")}::boolean[], ${column("incidentId")}::text[], ${column("scope")}::text[]
    ) AS u(id, raw, idx, reason, cause, status, reply, diag, rmta, remote, sender, rcpt, domain, subject, omid, odate, failed, resp, fp, back, incident, scope)
    ON CONFLICT ("rawMessageId", "recipientIndex") DO NOTHING`,
  );
}
