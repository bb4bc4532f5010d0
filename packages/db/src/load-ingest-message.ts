// Loads what the ingest processor needs of one stored raw message: its state, origin and the
// encrypted bytes (decrypted by the caller with SAFETYNET_KEY, never here).
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface IngestMessage {
  id: string;
  state: "stored" | "parsed" | "quarantined";
  source: "live" | "import";
  encrypted: Uint8Array;
  internalDate: Date | null;
  receivedAt: Date;
}

export async function loadIngestMessage(client: SqlClient, id: string): Promise<IngestMessage | null> {
  // A plain query: one row by primary key, without the ORM's per-call planning (a hot path).
  const rows = await queryRows<IngestMessage>(
    client,
    sql`
    SELECT "id", "state"::text AS state, "source"::text AS source, "encrypted", "internalDate", "receivedAt"
    FROM "RawMessage" WHERE "id" = ${id}`,
  );
  return rows[0] ?? null;
}
