// Stores a batch of encrypted raw messages in one statement and commits, idempotently: the
// content hash is the key, so a crash-and-refetch, a re-seed or a re-import stores nothing twice.
import type { SqlClient } from "./sql-client.js";

export interface NewRawMessage {
  id: string;
  mailboxId: string | null;
  source: "live" | "import";
  uidValidity: bigint | null;
  uid: bigint | null;
  sha256: string;
  messageIdHeader: string | null;
  size: number;
  encrypted: Buffer;
  internalDate: Date | null;
  state: "stored" | "quarantined";
  quarantineReason: string | null;
  importRef: string | null;
}

export interface StoredRawMessage {
  id: string;
  sha256: string;
  /** False when the content was already stored (then `id` is the earlier row's). */
  inserted: boolean;
  state: string;
}

// Multi-row VALUES with one parameter per field: pg sends the ciphertext Buffers as binary,
// one round-trip per batch. On a hash conflict within the same mailbox the row takes the new UID,
// so after a UIDVALIDITY change the full comparison knows the message under its new UID.
const COLUMNS = `"id", "mailboxId", "source", "uidValidity", "uid", "sha256", "messageIdHeader", "size",
  "encrypted", "internalDate", "state", "quarantineReason", "importRef"`;
const CONFLICT = `ON CONFLICT ("sha256") DO UPDATE SET
  "uidValidity" = CASE WHEN "RawMessage"."mailboxId" = EXCLUDED."mailboxId" AND EXCLUDED."uid" IS NOT NULL
                       THEN EXCLUDED."uidValidity" ELSE "RawMessage"."uidValidity" END,
  "uid" = CASE WHEN "RawMessage"."mailboxId" = EXCLUDED."mailboxId" AND EXCLUDED."uid" IS NOT NULL
               THEN EXCLUDED."uid" ELSE "RawMessage"."uid" END
RETURNING "id", "sha256", "state"::text AS "state", (xmax = 0) AS "inserted"`;
const WIDTH = 13;

function placeholders(count: number): string {
  const rows: string[] = [];
  for (let row = 0; row < count; row++) {
    const p = (column: number) => `$${row * WIDTH + column}`;
    rows.push(
      `(${p(1)}, ${p(2)}, ${p(3)}::"MessageSource", ${p(4)}::bigint, ${p(5)}::bigint, ${p(6)}, ${p(7)}, ${p(8)}::int, ${p(9)}::bytea, ${p(10)}::timestamp(3), ${p(11)}::"MessageState", ${p(12)}, ${p(13)})`,
    );
  }
  return rows.join(",\n");
}

/** Rows must have distinct sha256 values (Postgres refuses to update one row twice per statement). */
export async function storeRawMessages(sql: SqlClient, rows: readonly NewRawMessage[]): Promise<StoredRawMessage[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  for (const row of rows) {
    params.push(
      row.id,
      row.mailboxId,
      row.source,
      row.uidValidity?.toString() ?? null,
      row.uid?.toString() ?? null,
      row.sha256,
      row.messageIdHeader,
      row.size,
      row.encrypted,
      row.internalDate?.toISOString() ?? null,
      row.state,
      row.quarantineReason,
      row.importRef,
    );
  }
  // A single INSERT statement commits on its own (autocommit): the rows are durable when it returns.
  const result = await sql.query<StoredRawMessage>(
    `INSERT INTO "RawMessage" (${COLUMNS}) VALUES ${placeholders(rows.length)} ${CONFLICT}`,
    params,
  );
  return result.rows;
}
