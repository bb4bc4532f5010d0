// Counts one fingerprint's failures in the same-weekday windows of earlier weeks (the rate
// baseline). Failures in systemic incidents stay out, so a long fault never becomes the norm.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export async function countBaselineFailures(client: SqlClient, fingerprint: string, ranges: readonly { from: Date; to: Date }[]): Promise<number[]> {
  if (!ranges.length) return [];
  const rows = await queryRows<{ index: number; count: bigint }>(client, sql`
    SELECT w.index::int AS index, count(f."id") AS count
    FROM unnest(${ranges.map((r) => r.from)}::timestamp[], ${ranges.map((r) => r.to)}::timestamp[]) WITH ORDINALITY AS w(from_at, to_at, index)
    LEFT JOIN "Failure" f ON f."fingerprint" = ${fingerprint} AND f."scope" <> 'systemic' AND f."failedAt" BETWEEN w.from_at AND w.to_at
    GROUP BY w.index ORDER BY w.index`);
  return rows.map((row) => Number(row.count));
}
