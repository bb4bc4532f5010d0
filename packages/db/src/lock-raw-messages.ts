// Locks a batch of raw message rows (in id order, so batches never deadlock) for the rest of the
// transaction and returns their states: a retry or second worker waits, then sees "parsed".
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export async function lockRawMessages(client: SqlClient, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; state: string }>(
    client,
    sql`
    SELECT "id", "state"::text AS state FROM "RawMessage" WHERE "id" = ANY(${[...ids]}::text[]) ORDER BY "id" FOR UPDATE`,
  );
  return new Map(rows.map((row) => [row.id, row.state]));
}
