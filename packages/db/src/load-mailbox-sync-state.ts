// Reads the persisted sync state of one mailbox (and its status, which an operator may change).
import type { DbClient } from "./create-db-client.js";

export async function loadMailboxSyncState(db: DbClient, mailboxId: string) {
  return db.mailbox.findUniqueOrThrow({
    where: { id: mailboxId },
    select: { uidValidity: true, lastUid: true, highestModseq: true, lastFullSyncAt: true, status: true },
  });
}
