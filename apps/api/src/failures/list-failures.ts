// GET /api/failures: filtered, sorted, keyset-paged failures with the total of the whole match.
import type { TransactionPool } from "@safetynet/db";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../http/keyset-cursor.js";
import { isUnfiltered, summaryFailureTotal } from "../reports/report-summary.js";
import { type FailureFilter, failureCondition, SENT_AT } from "./failure-filter.js";
import { FAILURE_COLUMNS, type FailureItem, type FailureRow, toFailureItem } from "./failure-view.js";

export const FAILURE_SORTS = ["-failedAt", "failedAt", "-sentAt", "sentAt"] as const;
export const failureSort = z
  .enum(FAILURE_SORTS)
  .default("-failedAt")
  .describe("sort key, `-` for newest first; ties broken by id");

export interface ListFailuresInput {
  filter: FailureFilter;
  sort: (typeof FAILURE_SORTS)[number];
  limit: number;
  cursor?: string | undefined;
  /** false: skip the count (the CSV export pages through everything and needs it once at most). */
  withTotal?: boolean;
}

export async function listFailures(
  sql: TransactionPool,
  input: ListFailuresInput,
): Promise<{ items: FailureItem[]; total: number; nextCursor: string | null }> {
  const condition = failureCondition(input.filter);
  const descending = input.sort.startsWith("-");
  const key = input.sort.endsWith("sentAt") ? SENT_AT : `f."failedAt"`;
  const values = [...condition.values];
  let where = condition.where;
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor, input.sort);
    values.push(cursor.value, cursor.id);
    const n = values.length;
    where += ` AND (${key}, f.id) ${descending ? "<" : ">"} ($${n - 1}::timestamp, $${n})`;
  }
  const direction = descending ? "DESC" : "ASC";
  values.push(input.limit + 1);
  const [page, count] = await Promise.all([
    sql.query(
      `SELECT ${FAILURE_COLUMNS}, ${key} AS "sortKey" FROM "Failure" f WHERE ${where}
       ORDER BY ${key} ${direction}, f.id ${direction} LIMIT $${values.length}`,
      values,
    ),
    input.withTotal === false
      ? Promise.resolve({ rows: [{ total: -1 }] })
      : isUnfiltered(input.filter)
        ? // Counting every row dominated the dashboard's first load; the summary holds the total.
          summaryFailureTotal(sql).then((total) => ({ rows: [{ total }] }))
        : sql.query(`SELECT count(*)::int AS total FROM "Failure" f WHERE ${condition.where}`, condition.values),
  ]);
  const rows = page.rows as (FailureRow & { sortKey: Date })[];
  const more = rows.length > input.limit;
  const shown = more ? rows.slice(0, input.limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map(toFailureItem),
    total: (count.rows[0] as { total: number }).total,
    nextCursor:
      more && last ? encodeCursor({ sort: input.sort, value: last.sortKey.toISOString(), id: last.id }) : null,
  };
}
