// Puts one attempt of one webhook dispatch on the webhooks queue, delayed until it is due. Shared by
// the worker (first attempts, retries) and the API (test events, redeliveries). The job id is
// deterministic (dispatch + attempt), so enqueueing the same attempt twice adds one job.
import type { Queue } from "bullmq";
import { JOBS, type JobPayload } from "./job-catalog.js";
import { jobOptions } from "./queue-factory.js";

export async function enqueueWebhookAttempt(
  queue: Queue,
  dispatchId: string,
  attempt: number,
  delayMs = 0,
): Promise<void> {
  const data: JobPayload<"deliverWebhook"> = JOBS.deliverWebhook.payload.parse({ dispatchId, attempt });
  await queue.add(JOBS.deliverWebhook.name, data, {
    ...jobOptions("deliverWebhook", data),
    ...(delayMs > 0 ? { delay: Math.round(delayMs) } : {}),
  });
}
