// The failure list's filters as one zod schema (query string, and the body of a bulk update) and
// their translation into a parameterised SQL condition on "Failure" f.
import { REASONS, SCOPES, TRIAGE_OUTCOMES } from "@safetynet/core";
import { z } from "zod";
import { dateOrTime, dateRange, queryBoolean } from "../http/common-schemas.js";

const text = z.string().trim().min(1).max(200);

export const failureFilterShape = {
  from: dateOrTime.optional().describe("ISO date or time: on or after (of `dateField`)"),
  to: dateOrTime.optional().describe("ISO date (that whole day included) or time (exclusive)"),
  dateField: z
    .enum(["failedAt", "sentAt"])
    .default("failedAt")
    .describe("which date from/to filter: when the failure was reported, or when the original was sent"),
  reason: z.enum(REASONS).optional(),
  cause: text.optional(),
  scope: z.enum(SCOPES).optional(),
  outcome: z.enum(TRIAGE_OUTCOMES).optional().describe("untriaged = open, not yet triaged"),
  sender: text.optional().describe("original sender's address (exact, case-insensitive)"),
  department: text.optional().describe("the sender's department in the staff directory"),
  recipientDomain: text.optional(),
  incident: z.string().min(1).max(100).optional().describe("incident id"),
  serious: z.union([z.boolean(), queryBoolean]).optional(),
  source: z.enum(["live", "backfill"]).optional().describe("live, or back-filled by `safetynet import`"),
  q: text.optional().describe("text search in the masked subject and diagnostic"),
};

export const failureFilter = z.object(failureFilterShape);
export type FailureFilter = z.output<typeof failureFilter>;

/** Sent date as the list and reports use it: the original's Date, else when its NDR came. */
export const SENT_AT = `COALESCE(f."originalDate", f."failedAt")`;

export interface SqlCondition {
  where: string;
  values: unknown[];
}

/** `values` is shared with the caller, so further parameters can follow these. */
export function failureCondition(filter: Partial<FailureFilter>, values: unknown[] = []): SqlCondition {
  const parts: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const dateColumn = filter.dateField === "sentAt" ? SENT_AT : `f."failedAt"`;
  const { from, until } = dateRange(filter.from, filter.to);
  if (from) parts.push(`${dateColumn} >= ${param(from.toISOString())}::timestamp`);
  if (until) parts.push(`${dateColumn} < ${param(until.toISOString())}::timestamp`);
  if (filter.reason) parts.push(`f.reason = ${param(filter.reason)}`);
  if (filter.cause) parts.push(`f.cause = ${param(filter.cause)}`);
  if (filter.scope) parts.push(`f.scope = ${param(filter.scope)}::"Scope"`);
  if (filter.outcome) parts.push(`f.outcome = ${param(filter.outcome)}::"TriageOutcome"`);
  if (filter.sender) parts.push(`lower(f."originalSender") = ${param(filter.sender.toLowerCase())}`);
  if (filter.department) {
    parts.push(
      `EXISTS (SELECT 1 FROM "StaffMember" s WHERE s.email = lower(f."originalSender") AND s.department = ${param(filter.department)})`,
    );
  }
  if (filter.recipientDomain) parts.push(`f."recipientDomain" = ${param(filter.recipientDomain.toLowerCase())}`);
  if (filter.incident) parts.push(`f."incidentId" = ${param(filter.incident)}`);
  if (filter.serious !== undefined) parts.push(`f.serious = ${param(filter.serious)}`);
  if (filter.source) parts.push(`f.backfilled = ${param(filter.source === "backfill")}`);
  if (filter.q) {
    const pattern = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    parts.push(`(f."subjectMasked" ILIKE ${pattern} OR f."diagnosticMasked" ILIKE ${pattern})`);
  }
  return { where: parts.length ? parts.join(" AND ") : "TRUE", values };
}
