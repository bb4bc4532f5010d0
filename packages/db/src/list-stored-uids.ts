// The UIDs a mailbox has stored under one UIDVALIDITY, for the full comparison that catches
// anything IDLE and the incremental fetch missed.
import type { DbClient } from "./create-db-client.js";

export async function listStoredUids(db: DbClient, mailboxId: string, uidValidity: bigint): Promise<Set<number>> {
  const rows = await db.rawMessage.findMany({
    where: { mailboxId, uidValidity, uid: { not: null } },
    select: { uid: true },
  });
  return new Set(rows.map((row) => Number(row.uid)));
}
