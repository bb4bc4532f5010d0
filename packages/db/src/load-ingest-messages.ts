// Loads a batch of stored raw messages for the ingest processor in one round trip (the jobs a
// worker holds at once), the same columns as `loadIngestMessage`; absent ids are absent. The bytes
// of one load stay within a budget (a storm of NDRs that carry large originals must not put
// hundreds of them in memory at once): rows past it come back `deferred`, without bytes, for the
// caller to load in a later round, once the first ones are parsed. A row is loaded when the rows
// before it stay under the budget, so the first always is (even one larger than the budget).
import type { IngestMessage } from "./load-ingest-message.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export type BatchIngestMessage =
  | (IngestMessage & { deferred: false })
  | (Omit<IngestMessage, "encrypted"> & { deferred: true });

export async function loadIngestMessages(
  client: SqlClient,
  ids: readonly string[],
  budgetBytes: number,
): Promise<Map<string, BatchIngestMessage>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<Omit<IngestMessage, "encrypted"> & { encrypted: Uint8Array | null }>(
    client,
    sql`
    SELECT "id", "state", "source", "internalDate", "receivedAt",
           CASE WHEN "state" = 'stored' AND running - "size" < ${budgetBytes}::bigint THEN "encrypted" END AS "encrypted"
    FROM (
      SELECT "id", "state"::text AS state, "source"::text AS source, "encrypted", "internalDate", "receivedAt", "size",
             sum("size") FILTER (WHERE "state" = 'stored') OVER (ORDER BY "id") AS running
      FROM "RawMessage" WHERE "id" = ANY(${[...new Set(ids)]}::text[])
    ) AS r`,
  );
  return new Map(
    rows.map(({ encrypted, ...row }) => [
      row.id,
      row.state === "stored" && !encrypted
        ? { ...row, deferred: true }
        : { ...row, encrypted: encrypted ?? new Uint8Array(), deferred: false },
    ]),
  );
}
