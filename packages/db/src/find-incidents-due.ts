// Fingerprints whose latest incident may change with time alone: pending past the group wait, or
// quiet for longer than its resolve period. The worker's sweep re-runs the pure tick on them.
import type { DbClient } from "./create-db-client.js";

export interface DueQuery {
  now: Date;
  groupWaitMs: number;
  resolveQuietMs: number;
  patternQuietMs: number;
  limit?: number;
}

export async function findIncidentsDue(db: DbClient, query: DueQuery): Promise<string[]> {
  const now = query.now.getTime();
  const rows = await db.incident.findMany({
    where: {
      OR: [
        { status: "pending", firstSeen: { lte: new Date(now - query.groupWaitMs) } },
        { status: { not: "resolved" }, scope: "systemic", lastSeen: { lte: new Date(now - query.resolveQuietMs) } },
        { status: { not: "resolved" }, scope: "pattern", lastSeen: { lte: new Date(now - query.patternQuietMs) } },
      ],
    },
    select: { fingerprint: true },
    take: query.limit ?? 500,
  });
  return [...new Set(rows.map((row) => row.fingerprint))];
}
