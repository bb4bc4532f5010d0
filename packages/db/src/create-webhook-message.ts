// Records one webhook event and its dispatches, once: a retried escalate job (or a second worker)
// finds the message by its source key and the dispatches by (message, endpoint), and gets the same
// rows back, so each endpoint is sent each event once, under one webhook-id.
import type { DbClient } from "./create-db-client.js";

export interface NewWebhookMessage {
  /** msg_<uuid>: the webhook-id header; the body carries it too. */
  id: string;
  sourceKey: string;
  type: string;
  incidentId: string | null;
  body: string;
}

export interface DispatchRef {
  id: string;
  endpointId: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
}

export async function createWebhookMessage(
  db: DbClient,
  message: NewWebhookMessage,
  endpointIds: readonly string[],
): Promise<{ messageId: string; dispatches: DispatchRef[] }> {
  await db.webhookMessage.createMany({ data: [message], skipDuplicates: true });
  const stored = await db.webhookMessage.findUniqueOrThrow({
    where: { sourceKey: message.sourceKey },
    select: { id: true },
  });
  if (endpointIds.length) {
    await db.webhookDispatch.createMany({
      data: endpointIds.map((endpointId) => ({ messageId: stored.id, endpointId, nextAttemptAt: new Date() })),
      skipDuplicates: true,
    });
  }
  const dispatches = await db.webhookDispatch.findMany({
    where: { messageId: stored.id, endpointId: { in: [...endpointIds] } },
    select: { id: true, endpointId: true, status: true, attempts: true },
    orderBy: { endpointId: "asc" },
  });
  return { messageId: stored.id, dispatches };
}
