// The NDR of a probe came back into the mailbox: the round trip is recorded once (a retried
// ingest job or a second report about the same probe keeps the first return).
import type { DbClient } from "./create-db-client.js";

/** Returns true when this call recorded the return; false for an unknown or already returned probe. */
export async function recordCanaryReturn(
  db: DbClient,
  probe: { probeId: string; returnedAt: Date; rawMessageId: string },
): Promise<boolean> {
  const updated = await db.canaryRun.updateMany({
    where: { probeId: probe.probeId, returnedAt: null },
    data: { returnedAt: probe.returnedAt, rawMessageId: probe.rawMessageId, status: "returned" },
  });
  return updated.count > 0;
}
