// Reads of the report summary (ReportCount), which triggers on "Failure" keep exact in the same
// transaction as every write (migration 20261204221500_report_summary says why triggers). Only an
// unfiltered request can use it: the summary is per year and outcome, so any filter still
// aggregates the matching failures on request (build-reports.ts, list-failures.ts).
import type { TransactionPool } from "@safetynet/db";
import type { FailureFilter } from "../failures/failure-filter.js";

/** True when no filter narrows the match (dateField alone only says which date a range would use). */
export function isUnfiltered(filter: Partial<FailureFilter>): boolean {
  return Object.entries(filter).every(([name, value]) => name === "dateField" || value === undefined);
}

/** Table 1 from the summary: originals per year sent. */
export async function summaryYearly(sql: TransactionPool): Promise<{ year: number; count: number }[]> {
  const result = await sql.query(
    `SELECT year, sum(originals)::int AS count FROM "ReportCount" GROUP BY year HAVING sum(originals) > 0 ORDER BY year`,
  );
  return result.rows as { year: number; count: number }[];
}

/** Table 2 from the summary: originals per year and outcome, share of the year in percent. */
export async function summaryOutcomes(
  sql: TransactionPool,
): Promise<{ year: number; outcome: string; count: number; share: number }[]> {
  const result = await sql.query(
    `SELECT year, outcome::text AS outcome, originals AS count,
       round(100.0 * originals / sum(originals) OVER (PARTITION BY year), 1)::float AS share
     FROM "ReportCount" WHERE originals > 0 ORDER BY year, outcome::text`,
  );
  return result.rows as { year: number; outcome: string; count: number; share: number }[];
}

/** Every failure (recipient) stored: the unfiltered list's total without counting a million rows. */
export async function summaryFailureTotal(sql: TransactionPool): Promise<number> {
  const result = await sql.query(`SELECT COALESCE(sum(failures), 0)::int AS total FROM "ReportCount"`);
  return (result.rows[0] as { total: number }).total;
}
