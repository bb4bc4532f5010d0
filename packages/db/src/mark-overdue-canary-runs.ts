// The alarm job marks probes whose NDR is past the deadline, so the list shows them as missing.
import type { DbClient } from "./create-db-client.js";

/** Probes past their deadline without an NDR are marked missing (a late NDR still turns them returned). */
export async function markOverdueCanaryRuns(db: DbClient, sentBefore: Date): Promise<number> {
  const updated = await db.canaryRun.updateMany({
    where: { status: "sent", returnedAt: null, sentAt: { lt: sentBefore } },
    data: { status: "missing" },
  });
  return updated.count;
}
