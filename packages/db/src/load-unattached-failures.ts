// Failures of the given fingerprints not yet in any incident since a time: the candidates a new
// incident takes along when its trigger fires (N distinct senders within the window).
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface UnattachedRow {
  id: string;
  fingerprint: string;
  failedAt: Date;
  originalSender: string | null;
}

export async function loadUnattachedFailures(
  client: SqlClient,
  since: ReadonlyMap<string, Date>,
): Promise<Map<string, UnattachedRow[]>> {
  const result = new Map<string, UnattachedRow[]>([...since.keys()].map((fingerprint) => [fingerprint, []]));
  if (!since.size) return result;
  const rows = await queryRows<UnattachedRow>(
    client,
    sql`
    SELECT f."id", f."fingerprint", f."failedAt", f."originalSender"
    FROM unnest(${[...since.keys()]}::text[], ${[...since.values()]}::timestamp[]) AS w(fingerprint, since)
    JOIN "Failure" f ON f."fingerprint" = w.fingerprint AND f."failedAt" >= w.since AND f."incidentId" IS NULL
    ORDER BY f."failedAt"`,
  );
  for (const row of rows) result.get(row.fingerprint)!.push(row);
  return result;
}
