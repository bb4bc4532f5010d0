// Stops a mailbox after the server refused its credentials and raises the alarm event once;
// the poller does not retry until an operator sets the mailbox active again (or fixes IMAP_URL).
import type { DbClient } from "./create-db-client.js";

/** Returns true when this call raised the alarm (false: it was already raised). */
export async function markMailboxAuthFailed(db: DbClient, mailboxId: string, serverResponse: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.mailbox.updateMany({
      where: { id: mailboxId, status: { not: "auth_failed" } },
      data: { status: "auth_failed", lastError: serverResponse.slice(0, 500) },
    });
    if (updated.count === 0) return false;
    await tx.mailboxEvent.create({
      data: { mailboxId, type: "mailbox.auth-failed", detail: { serverResponse: serverResponse.slice(0, 500) } },
    });
    return true;
  });
}
