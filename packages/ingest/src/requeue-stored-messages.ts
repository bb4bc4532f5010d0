// The sweep behind the order of effects: every message stored but not yet taken by the worker is
// enqueued again. Deterministic job ids make this a no-op for messages whose job still exists.

import { type DbClient, listStoredRawMessageIds } from "@safetynet/db";
import type { Queue } from "bullmq";
import { enqueueIngestJobs } from "./enqueue-ingest-jobs.js";

export interface RequeueOptions {
  /** Leave the newest rows to the live path (default: one minute). */
  graceMs?: number;
  /** How far back to look (default: 30 days). */
  windowMs?: number;
  pageSize?: number;
}

export async function requeueStoredMessages(db: DbClient, queue: Queue, options: RequeueOptions = {}): Promise<number> {
  const now = Date.now();
  const receivedBefore = new Date(now - (options.graceMs ?? 60_000));
  const receivedAfter = new Date(now - (options.windowMs ?? 30 * 24 * 3600_000));
  const limit = options.pageSize ?? 1_000;
  let afterId: string | undefined;
  let total = 0;
  for (;;) {
    const ids = await listStoredRawMessageIds(db, {
      receivedBefore,
      receivedAfter,
      limit,
      ...(afterId ? { afterId } : {}),
    });
    if (ids.length === 0) return total;
    await enqueueIngestJobs(queue, ids);
    total += ids.length;
    afterId = ids[ids.length - 1];
  }
}
