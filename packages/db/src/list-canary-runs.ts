// Canary probes, newest first: for the alarm job (those sent since a time), the CLI (one probe)
// and the API's list.
import type { DbClient } from "./create-db-client.js";

export interface CanaryRunRow {
  id: string;
  probeId: string;
  sentAt: Date;
  returnedAt: Date | null;
  status: string;
  detail: string | null;
  origin: string;
}

export const CANARY_RUN_SELECT = {
  id: true,
  probeId: true,
  sentAt: true,
  returnedAt: true,
  status: true,
  detail: true,
  origin: true,
} as const;

export async function listCanaryRuns(
  db: DbClient,
  query: { since?: Date; limit?: number } = {},
): Promise<CanaryRunRow[]> {
  return db.canaryRun.findMany({
    where: query.since ? { sentAt: { gte: query.since } } : {},
    orderBy: { sentAt: "desc" },
    take: query.limit ?? 200,
    select: CANARY_RUN_SELECT,
  });
}
