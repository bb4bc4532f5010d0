// Loads a batch of stored raw messages for the ingest processor in one round trip (the jobs a
// worker holds at once), the same columns as `loadIngestMessage`; absent ids are absent.
import type { IngestMessage } from "./load-ingest-message.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export async function loadIngestMessages(client: SqlClient, ids: readonly string[]): Promise<Map<string, IngestMessage>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<IngestMessage>(client, sql`
    SELECT "id", "state"::text AS state, "source"::text AS source, "encrypted", "internalDate", "receivedAt"
    FROM "RawMessage" WHERE "id" = ANY(${[...new Set(ids)]}::text[])`);
  return new Map(rows.map((row) => [row.id, row]));
}
