// After a UIDVALIDITY change, finds which Message-IDs a mailbox already stored, so a message
// whose bytes changed on the server (a re-delivered copy with new headers) is not stored twice.
import type { DbClient } from "./create-db-client.js";

export async function findKnownMessageIds(
  db: DbClient,
  mailboxId: string,
  messageIds: readonly string[],
): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.rawMessage.findMany({
    where: { mailboxId, messageIdHeader: { in: [...new Set(messageIds)] } },
    select: { id: true, messageIdHeader: true },
  });
  return new Map(rows.map((row) => [row.messageIdHeader!, row.id]));
}
