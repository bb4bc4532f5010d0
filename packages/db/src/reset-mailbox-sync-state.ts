// Records a UIDVALIDITY change: the stored UIDs no longer mean anything, so the mailbox is
// re-seeded. One `mailbox.reset` event, however many processes or retries see the change.
import type { DbClient } from "./create-db-client.js";

/** Returns true when this call recorded the reset (false: another process already did). */
export async function resetMailboxSyncState(
  db: DbClient,
  mailboxId: string,
  change: { previousUidValidity: bigint; uidValidity: bigint },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // The conditional update is the once-only guard: only the first caller still sees the old value.
    const updated = await tx.mailbox.updateMany({
      where: { id: mailboxId, uidValidity: change.previousUidValidity },
      data: { uidValidity: change.uidValidity, lastUid: 0n, highestModseq: null, lastFullSyncAt: null },
    });
    if (updated.count === 0) return false;
    await tx.mailboxEvent.create({
      data: {
        mailboxId,
        type: "mailbox.reset",
        detail: {
          previousUidValidity: change.previousUidValidity.toString(),
          uidValidity: change.uidValidity.toString(),
        },
      },
    });
    return true;
  });
}
