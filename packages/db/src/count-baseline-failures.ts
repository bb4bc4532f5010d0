// Counts fingerprints' failures in the same-weekday windows of earlier weeks (the rate baseline),
// all fingerprints of a batch in one statement. Failures in systemic incidents stay out, so a long
// fault never becomes the norm.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface BaselineRequest {
  fingerprint: string;
  ranges: readonly { from: Date; to: Date }[];
}

/** Per fingerprint, one count per range, in the order the ranges were given. */
export async function countBaselineFailures(
  client: SqlClient,
  requests: readonly BaselineRequest[],
): Promise<Map<string, number[]>> {
  const windows = requests.flatMap((request) =>
    request.ranges.map((range, position) => ({ fingerprint: request.fingerprint, position, ...range })),
  );
  const counts = new Map(requests.map((request) => [request.fingerprint, request.ranges.map(() => 0)]));
  if (!windows.length) return counts;
  const rows = await queryRows<{ index: number; count: bigint }>(
    client,
    sql`
    SELECT w.index::int AS index, count(f."id") AS count
    FROM unnest(${windows.map((w) => w.fingerprint)}::text[], ${windows.map((w) => w.from)}::timestamp[], ${windows.map((w) => w.to)}::timestamp[])
      WITH ORDINALITY AS w(fingerprint, from_at, to_at, index)
    LEFT JOIN "Failure" f ON f."fingerprint" = w.fingerprint AND f."scope" <> 'systemic' AND f."failedAt" BETWEEN w.from_at AND w.to_at
    GROUP BY w.index`,
  );
  for (const row of rows) {
    const window = windows[row.index - 1]!;
    counts.get(window.fingerprint)![window.position] = Number(row.count);
  }
  return counts;
}
