// Sender notices that failed for good since a time: the notice-failures alarm and the digest.
import type { DbClient } from "./create-db-client.js";

export async function countFailedNotices(db: DbClient, since: Date): Promise<{ count: number; latestAt: Date | null }> {
  const result = await db.notice.aggregate({
    where: { status: "failed", updatedAt: { gte: since } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return { count: result._count._all, latestAt: result._max.updatedAt };
}
