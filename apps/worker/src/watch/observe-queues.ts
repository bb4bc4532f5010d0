// How far each watched queue is behind: jobs waiting and the age of the oldest (delayed jobs are
// not counted: a notice held for a digest or a retry waiting out its backoff is meant to wait).
import type { QueueObservation } from "@safetynet/core";
import type { Queue } from "bullmq";

export async function observeQueues(queues: readonly Queue[]): Promise<QueueObservation[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const [waiting, oldest] = await Promise.all([queue.getWaitingCount(), queue.getJobs(["wait"], 0, 0, true)]);
      const first = oldest[0];
      return { name: queue.name, waiting, oldestWaitingAt: first ? new Date(first.timestamp) : null };
    }),
  );
}
