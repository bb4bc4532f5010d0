// Puts one attempt of one dispatch on the webhooks queue, delayed until it is due. The job id is
// deterministic (dispatch + attempt), so enqueueing the same attempt twice adds one job.
import { JOBS, type JobPayload, jobOptions } from "@safetynet/queue";
import type { Queue } from "bullmq";

export async function enqueueAttempt(queue: Queue, dispatchId: string, attempt: number, delayMs = 0): Promise<void> {
  const data: JobPayload<"deliverWebhook"> = JOBS.deliverWebhook.payload.parse({ dispatchId, attempt });
  await queue.add(JOBS.deliverWebhook.name, data, {
    ...jobOptions("deliverWebhook", data),
    ...(delayMs > 0 ? { delay: Math.round(delayMs) } : {}),
  });
}
