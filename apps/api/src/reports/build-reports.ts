// The report tables: failures per year (Table 1), per year and outcome with shares (Table 2),
// serious cases with notes (Table 3), and counts per cause, responsible, department and
// recipient domain. Every count is of original messages (original-messages.ts).
import type { TransactionPool } from "@safetynet/db";
import { type FailureFilter, failureCondition, SENT_AT } from "../failures/failure-filter.js";
import { originalMessagesSql } from "./original-messages.js";
import { isUnfiltered, summaryOutcomes, summaryYearly } from "./report-summary.js";

export interface YearlyReport {
  rows: { year: number; count: number }[];
  total: number;
}

export async function yearlyReport(sql: TransactionPool, filter: Partial<FailureFilter>): Promise<YearlyReport> {
  if (isUnfiltered(filter)) {
    const rows = await summaryYearly(sql);
    return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
  }
  const originals = originalMessagesSql(filter);
  const result = await sql.query(
    `SELECT year, count(*)::int AS count FROM (${originals.text}) o GROUP BY year ORDER BY year`,
    originals.values,
  );
  const rows = result.rows.map((row) => ({ year: row.year as number, count: row.count as number }));
  return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
}

export interface OutcomeReport {
  rows: { year: number; outcome: string; count: number; share: number }[];
  total: number;
}

/** share: percent of that year's originals, one decimal. */
export async function outcomeReport(sql: TransactionPool, filter: Partial<FailureFilter>): Promise<OutcomeReport> {
  if (isUnfiltered(filter)) {
    const rows = await summaryOutcomes(sql);
    return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
  }
  const originals = originalMessagesSql(filter);
  const result = await sql.query(
    `SELECT year, outcome, count(*)::int AS count,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY year), 1)::float AS share
     FROM (${originals.text}) o GROUP BY year, outcome ORDER BY year, outcome`,
    originals.values,
  );
  const rows = result.rows.map((row) => ({
    year: row.year as number,
    outcome: row.outcome as string,
    count: row.count as number,
    share: row.share as number,
  }));
  return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
}

export const GROUPINGS = ["cause", "responsible", "department", "recipientDomain"] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface GroupReport {
  rows: { key: string; count: number; share: number }[];
  total: number;
}

export async function groupReport(
  sql: TransactionPool,
  grouping: Grouping,
  filter: Partial<FailureFilter>,
): Promise<GroupReport> {
  const originals = originalMessagesSql(filter);
  const key =
    grouping === "department"
      ? `COALESCE((SELECT s.department FROM "StaffMember" s WHERE s.email = o.sender), '(unknown)')`
      : `o."${grouping}"`;
  const result = await sql.query(
    `SELECT ${key} AS key, count(*)::int AS count,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1)::float AS share
     FROM (${originals.text}) o GROUP BY 1 ORDER BY count DESC, key`,
    originals.values,
  );
  const rows = result.rows.map((row) => ({
    key: row.key as string,
    count: row.count as number,
    share: row.share as number,
  }));
  return { rows, total: rows.reduce((sum, row) => sum + row.count, 0) };
}

export interface SeriousReport {
  rows: {
    id: string;
    year: number;
    sentAt: string;
    cause: string;
    sender: string | null;
    recipientDomain: string | null;
    outcome: string;
    note: string | null;
  }[];
  total: number;
}

/** Table 3: every failure flagged serious, with the note staff wrote (CPR-masked when stored). */
export async function seriousReport(sql: TransactionPool, filter: Partial<FailureFilter>): Promise<SeriousReport> {
  const condition = failureCondition({ ...filter, serious: true });
  const result = await sql.query(
    `SELECT f.id, extract(year FROM ${SENT_AT})::int AS year, ${SENT_AT} AS "sentAt", f.cause, f."originalSender" AS sender,
       f."recipientDomain", f.outcome::text AS outcome, f.note
     FROM "Failure" f WHERE ${condition.where} ORDER BY ${SENT_AT}, f.id`,
    condition.values,
  );
  const rows = result.rows.map((row) => ({
    id: row.id as string,
    year: row.year as number,
    sentAt: (row.sentAt as Date).toISOString(),
    cause: row.cause as string,
    sender: row.sender as string | null,
    recipientDomain: row.recipientDomain as string | null,
    outcome: row.outcome as string,
    note: row.note as string | null,
  }));
  return { rows, total: rows.length };
}
