// Fingerprints whose latest incident may change with time alone: pending past the group wait, or
// no longer running. The cut-off times come from the classifier's rules (timeChangeCutoffs); this
// is only the query. The worker's sweep re-runs the pure tick on what it finds.
import type { DbClient } from "./create-db-client.js";

export interface DueQuery {
  /** Pending incidents whose first failure is at or before this have passed their group wait. */
  pendingFirstSeenBy: Date;
  /** Open incidents whose last failure is at or before this, per scope, are no longer running. */
  quietLastSeenBy: { systemic: Date; pattern: Date };
  limit?: number;
}

export async function findIncidentsDue(db: DbClient, query: DueQuery): Promise<string[]> {
  const rows = await db.incident.findMany({
    where: {
      OR: [
        { status: "pending", firstSeen: { lte: query.pendingFirstSeenBy } },
        { status: { not: "resolved" }, scope: "systemic", lastSeen: { lte: query.quietLastSeenBy.systemic } },
        { status: { not: "resolved" }, scope: "pattern", lastSeen: { lte: query.quietLastSeenBy.pattern } },
      ],
    },
    select: { fingerprint: true },
    take: query.limit ?? 500,
  });
  return [...new Set(rows.map((row) => row.fingerprint))];
}
