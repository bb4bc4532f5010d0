// A failure row as the API shows it (list items and the detail share it).
import { z } from "zod";
import { iso, isoTime } from "../http/common-schemas.js";

export const failureItem = z.object({
  id: z.string(),
  sentAt: isoTime.nullable().describe("the original message's Date header"),
  failedAt: isoTime.describe("when its NDR arrived"),
  reason: z.string(),
  cause: z.string(),
  scope: z.string(),
  outcome: z.string().describe("untriaged (open) | resent | closed-other | not-contacted | no-longer-employed"),
  serious: z.boolean(),
  note: z.string().nullable(),
  status: z.string().nullable(),
  sender: z.string().nullable(),
  recipient: z.string(),
  recipientDomain: z.string().nullable(),
  subject: z.string().nullable().describe("CPR numbers masked"),
  diagnostic: z.string().nullable().describe("CPR numbers masked"),
  responsible: z.string(),
  incidentId: z.string().nullable(),
  source: z.enum(["live", "backfill"]),
  notifiedTo: z.string().nullable(),
  triagedBy: z.string().nullable(),
  triagedAt: isoTime.nullable(),
});
export type FailureItem = z.output<typeof failureItem>;

export const FAILURE_COLUMNS = `f.id, f."originalDate", f."failedAt", f.reason, f.cause, f.scope::text AS scope,
  f.outcome::text AS outcome, f.serious, f.note, f.status, f."originalSender", f.recipient, f."recipientDomain",
  f."subjectMasked", f."diagnosticMasked", f.responsible, f."incidentId", f.backfilled, f."notifiedTo",
  f."triagedBy", f."triagedAt", f."rawMessageId"`;

export interface FailureRow {
  id: string;
  originalDate: Date | null;
  failedAt: Date;
  reason: string;
  cause: string;
  scope: string;
  outcome: string;
  serious: boolean;
  note: string | null;
  status: string | null;
  originalSender: string | null;
  recipient: string;
  recipientDomain: string | null;
  subjectMasked: string | null;
  diagnosticMasked: string | null;
  responsible: string;
  incidentId: string | null;
  backfilled: boolean;
  notifiedTo: string | null;
  triagedBy: string | null;
  triagedAt: Date | null;
  rawMessageId: string;
}

export function toFailureItem(row: FailureRow): FailureItem {
  return {
    id: row.id,
    sentAt: iso(row.originalDate),
    failedAt: row.failedAt.toISOString(),
    reason: row.reason,
    cause: row.cause,
    scope: row.scope,
    outcome: row.outcome,
    serious: row.serious,
    note: row.note,
    status: row.status,
    sender: row.originalSender,
    recipient: row.recipient,
    recipientDomain: row.recipientDomain,
    subject: row.subjectMasked,
    diagnostic: row.diagnosticMasked,
    responsible: row.responsible,
    incidentId: row.incidentId,
    source: row.backfilled ? "backfill" : "live",
    notifiedTo: row.notifiedTo,
    triagedBy: row.triagedBy,
    triagedAt: iso(row.triagedAt),
  };
}
