// Pages through raw messages still waiting for the worker (state `stored`), for the sweep that
// re-enqueues them: it closes the crash window between store and enqueue, and survives a Redis
// that lost its queue (the project's Redis runs without persistence).
import type { DbClient } from "./create-db-client.js";

export interface StoredPage {
  /** Only rows received before this (skip the ones the live path is handling right now). */
  receivedBefore: Date;
  receivedAfter: Date;
  afterId?: string;
  limit: number;
}

export async function listStoredRawMessageIds(db: DbClient, page: StoredPage): Promise<string[]> {
  const rows = await db.rawMessage.findMany({
    where: {
      state: "stored",
      receivedAt: { lt: page.receivedBefore, gte: page.receivedAfter },
      ...(page.afterId ? { id: { gt: page.afterId } } : {}),
    },
    select: { id: true },
    orderBy: { id: "asc" },
    take: page.limit,
  });
  return rows.map((row) => row.id);
}
