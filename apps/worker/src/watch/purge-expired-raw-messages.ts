// The retention purge job: batch by batch, the database lists messages with any date before the
// cutoff, the pure rule (decideRetention) picks those to purge, and their encrypted bytes are
// wiped. Logs counts only.
import { decideRetention, retentionCutoff } from "@safetynet/core";
import { listRetentionCandidates, purgeRawMessages } from "@safetynet/db";
import type { WatchContext } from "./watch-context.js";

const BATCH = 500;
/** One run's ceiling, so a first purge of years of history leaves room for the other maintenance jobs. */
const MAX_BATCHES = 200;

export async function purgeExpiredRawMessages(context: WatchContext): Promise<number> {
  const now = context.clock();
  const days = context.config.RETENTION_DAYS;
  const cutoff = retentionCutoff(now, days);
  let purged = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const candidates = await listRetentionCandidates(context.db, cutoff, BATCH);
    const ids = candidates.filter((c) => decideRetention(c, now, days) === "purge").map((c) => c.id);
    purged += await purgeRawMessages(context.db, ids, now);
    // Every candidate has a date before the cutoff, so each is purged; a short batch is the last.
    if (candidates.length < BATCH || ids.length === 0) break;
  }
  if (purged > 0) context.log.info({ purged, retentionDays: days }, "retention purge: raw messages wiped");
  return purged;
}
