// Re-points a stored message at its new UID after a UIDVALIDITY change matched it by Message-ID
// (its bytes differ, so the hash could not), so later full comparisons know it is stored.
import type { DbClient } from "./create-db-client.js";

export async function assignRawMessageUid(
  db: DbClient,
  rawMessageId: string,
  uidValidity: bigint,
  uid: bigint,
): Promise<void> {
  await db.rawMessage.update({ where: { id: rawMessageId }, data: { uidValidity, uid } });
}
