// Enqueues one `ingest` job per stored message, in one round-trip. The job id is deterministic
// (JOBS.ingest.jobId), so enqueueing again after a crash adds nothing; payloads carry ids only.

import { JOBS, jobOptions } from "@safetynet/queue";
import type { Queue } from "bullmq";

export async function enqueueIngestJobs(queue: Queue, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const jobs = [...new Set(messageIds)].map((messageId) => {
    const data = JOBS.ingest.payload.parse({ messageId });
    return { name: JOBS.ingest.name, data, opts: jobOptions("ingest", data) };
  });
  await queue.addBulk(jobs);
}
