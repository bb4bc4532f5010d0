// Marks raw messages parsed with their kind (bounce, delay, autoreply ...), inside the transaction
// that wrote their failures, so "parsed" always means "its failures and incidents are written".
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export async function markMessagesParsed(
  client: SqlClient,
  messages: readonly { id: string; kind: string }[],
): Promise<void> {
  if (!messages.length) return;
  await queryRows(
    client,
    sql`
    UPDATE "RawMessage" AS r SET "state" = 'parsed', "kind" = v.kind, "parsedAt" = now(), "quarantineReason" = NULL
    FROM unnest(${messages.map((m) => m.id)}::text[], ${messages.map((m) => m.kind)}::text[]) AS v(id, kind)
    WHERE r."id" = v.id`,
  );
}
