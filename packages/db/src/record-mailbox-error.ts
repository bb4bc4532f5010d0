// Notes the latest connection problem of a mailbox (shown to staff), or clears it after a
// successful connection. `disconnectedSince` keeps the first failure of a run of them, so the
// disconnected alarm can tell how long the poller has been away. Never credentials or content.
import type { DbClient } from "./create-db-client.js";

export async function recordMailboxError(
  db: DbClient,
  mailboxId: string,
  error: string | null,
  now = new Date(),
): Promise<void> {
  if (error === null) {
    await db.mailbox.update({ where: { id: mailboxId }, data: { lastError: null, disconnectedSince: null } });
    return;
  }
  await db.$transaction([
    db.mailbox.update({ where: { id: mailboxId }, data: { lastError: error.slice(0, 500) } }),
    db.mailbox.updateMany({ where: { id: mailboxId, disconnectedSince: null }, data: { disconnectedSince: now } }),
  ]);
}
