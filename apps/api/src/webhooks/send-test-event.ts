// A `test` event to one endpoint, on staff's request: recorded and delivered exactly like an
// incident event (signed, retried, logged), so it proves the whole path to the supplier.
import { randomUUID } from "node:crypto";
import { createWebhookMessage, type DbClient } from "@safetynet/db";
import { enqueueWebhookAttempt } from "@safetynet/queue";
import { buildEnvelope, generateWebhookId } from "@safetynet/webhooks";
import type { Queue } from "bullmq";

export async function sendTestEvent(
  db: DbClient,
  queue: Queue,
  endpoint: { id: string; supplierId: string },
  at: Date,
): Promise<{ eventId: string; dispatchId: string }> {
  const id = generateWebhookId();
  const body = buildEnvelope(id, "test", at, {
    endpointId: endpoint.id,
    supplierId: endpoint.supplierId,
    message: "Test event from Safety net: if this verifies, incident events will too.",
  });
  const { dispatches } = await createWebhookMessage(
    db,
    { id, sourceKey: `test/${randomUUID()}`, type: "test", incidentId: null, body },
    [endpoint.id],
  );
  const dispatch = dispatches[0]!;
  await enqueueWebhookAttempt(queue, dispatch.id, 1);
  return { eventId: id, dispatchId: dispatch.id };
}
