// The retention purge's database side: find raw messages that may be past retention (one batch),
// and wipe the encrypted bytes of those the pure rule (decideRetention) picked. The row stays as
// a tombstone with `purgedAt`: failures and notices keep pointing at it (their foreign keys
// cascade on delete, and the reports need the failures), IncidentEvent.rawMessageId stays a valid
// id, and its sha256 keeps a re-import of the same message a no-op.
import type { RetentionFacts } from "@safetynet/core";
import type { DbClient } from "./create-db-client.js";

export interface RetentionCandidate extends RetentionFacts {
  id: string;
}

/** Up to `limit` unpurged, parsed or quarantined messages with any date before `cutoff`. */
export async function listRetentionCandidates(
  db: DbClient,
  cutoff: Date,
  limit: number,
): Promise<RetentionCandidate[]> {
  const rows = await db.$queryRaw<
    {
      id: string;
      receivedAt: Date;
      internalDate: Date | null;
      earliestFailedAt: Date | null;
      state: RetentionFacts["state"];
      purgedAt: Date | null;
    }[]
  >`
    SELECT r.id, r."receivedAt", r."internalDate", r.state::text AS state, r."purgedAt",
           (SELECT min(f."failedAt") FROM "Failure" f WHERE f."rawMessageId" = r.id) AS "earliestFailedAt"
    FROM "RawMessage" r
    WHERE r."purgedAt" IS NULL AND r.state <> 'stored'
      AND (r."receivedAt" < ${cutoff} OR r."internalDate" < ${cutoff}
           OR EXISTS (SELECT 1 FROM "Failure" f WHERE f."rawMessageId" = r.id AND f."failedAt" < ${cutoff}))
    ORDER BY r."receivedAt", r.id
    LIMIT ${limit}`;
  return rows;
}

/** Wipes the stored bytes of these messages (not yet purged ones only); returns how many. */
export async function purgeRawMessages(db: DbClient, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.rawMessage.updateMany({
    where: { id: { in: [...ids] }, purgedAt: null },
    data: { encrypted: new Uint8Array(0), purgedAt: now },
  });
  return result.count;
}
