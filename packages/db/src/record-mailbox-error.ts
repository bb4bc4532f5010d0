// Notes the latest connection problem of a mailbox (shown to staff and the canary), or clears
// it after a successful connection. Never holds credentials or message content.
import type { DbClient } from "./create-db-client.js";

export async function recordMailboxError(db: DbClient, mailboxId: string, error: string | null): Promise<void> {
  await db.mailbox.update({
    where: { id: mailboxId },
    data: { lastError: error === null ? null : error.slice(0, 500) },
  });
}
