// Persists how far a mailbox has been read (STYLE.md rule 9). Written only after the messages
// up to `lastUid` are stored, enqueued and marked, so a crash before it means a harmless re-read.
// Plain pg, not Prisma: it runs once per batch, and Prisma compiles every call (~7 ms CPU each here).
import type { SqlClient } from "./sql-client.js";

export interface MailboxSyncState {
  uidValidity: bigint;
  lastUid: bigint;
  /**
   * HIGHESTMODSEQ at the start of a completed full comparison (decideSync skips the next one when
   * it has not moved); absent or null keeps the recorded value (batches, incremental passes).
   */
  highestModseq?: bigint | null;
  /** Set when this pass compared every UID on the server. */
  fullSyncAt?: Date;
}

// Timestamps are written as UTC ISO strings into timestamp(3) columns, the way Prisma writes them
// (and "updatedAt" by hand: Prisma's @updatedAt only applies to its own updates).
const SAVE = `UPDATE "Mailbox" SET "uidValidity" = $2::bigint, "lastUid" = $3::bigint, "highestModseq" = COALESCE($4::bigint, "highestModseq"),
  "lastSeenAt" = $5::timestamp(3), "updatedAt" = $5::timestamp(3), "lastFullSyncAt" = COALESCE($6::timestamp(3), "lastFullSyncAt")
WHERE "id" = $1 RETURNING "id"`;

export async function saveMailboxSyncState(sql: SqlClient, mailboxId: string, state: MailboxSyncState): Promise<void> {
  const now = new Date().toISOString();
  const { rows } = await sql.query(SAVE, [
    mailboxId,
    state.uidValidity.toString(),
    state.lastUid.toString(),
    state.highestModseq?.toString() ?? null,
    now,
    state.fullSyncAt?.toISOString() ?? null,
  ]);
  // Prisma's update threw on a missing row; keep that: a deleted mailbox must fail the pass loudly.
  if (rows.length === 0) throw new Error(`mailbox ${mailboxId} not found while saving its sync state`);
}
