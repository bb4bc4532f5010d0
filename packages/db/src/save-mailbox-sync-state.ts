// Persists how far a mailbox has been read (STYLE.md rule 9). Written only after the messages
// up to `lastUid` are stored, enqueued and marked, so a crash before it means a harmless re-read.
import type { DbClient } from "./create-db-client.js";

export interface MailboxSyncState {
  uidValidity: bigint;
  lastUid: bigint;
  highestModseq: bigint | null;
  /** Set when this pass compared every UID on the server. */
  fullSyncAt?: Date;
}

export async function saveMailboxSyncState(db: DbClient, mailboxId: string, state: MailboxSyncState): Promise<void> {
  await db.mailbox.update({
    where: { id: mailboxId },
    data: {
      uidValidity: state.uidValidity,
      lastUid: state.lastUid,
      highestModseq: state.highestModseq,
      lastSeenAt: new Date(),
      ...(state.fullSyncAt ? { lastFullSyncAt: state.fullSyncAt } : {}),
    },
  });
}
