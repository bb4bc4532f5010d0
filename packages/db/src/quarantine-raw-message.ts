// Sets a message that cannot be parsed aside with the error, so staff can look at it and a
// fixed parser can re-ingest it; only a still-stored message is moved (retries are harmless).
import type { DbClient } from "./create-db-client.js";

export async function quarantineRawMessage(db: DbClient, id: string, reason: string): Promise<boolean> {
  const updated = await db.rawMessage.updateMany({
    where: { id, state: "stored" },
    data: { state: "quarantined", quarantineReason: reason.slice(0, 1000), parsedAt: new Date() },
  });
  return updated.count > 0;
}
