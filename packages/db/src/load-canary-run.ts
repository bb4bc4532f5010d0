// One canary probe by its token: the `safetynet canary` command polls it until the NDR is back.
import type { DbClient } from "./create-db-client.js";
import { CANARY_RUN_SELECT, type CanaryRunRow } from "./list-canary-runs.js";

export async function loadCanaryRun(db: DbClient, probeId: string): Promise<CanaryRunRow | null> {
  return db.canaryRun.findUnique({ where: { probeId }, select: CANARY_RUN_SELECT });
}
