// Staff ask for an event to be sent again (the API's redeliver): the delivery's dispatch gets one
// more attempt, now, under the same webhook-id and with the same body. Refused while a scheduled
// retry is still to come, so one dispatch never has two attempts in flight.
import type { DbClient } from "./create-db-client.js";

export type RequeueResult =
  | { kind: "requeued"; dispatchId: string; attempt: number }
  | { kind: "not-found" }
  | { kind: "pending" }
  | { kind: "endpoint-disabled" };

export async function requeueWebhookDispatch(db: DbClient, deliveryId: string): Promise<RequeueResult> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: {
        dispatch: { select: { id: true, status: true, attempts: true, endpoint: { select: { active: true } } } },
      },
    });
    if (!delivery) return { kind: "not-found" as const };
    const { dispatch } = delivery;
    if (!dispatch.endpoint.active) return { kind: "endpoint-disabled" as const };
    const changed = await tx.webhookDispatch.updateMany({
      where: { id: dispatch.id, status: { not: "pending" } },
      data: { status: "pending", nextAttemptAt: new Date() },
    });
    if (changed.count === 0) return { kind: "pending" as const };
    return { kind: "requeued" as const, dispatchId: dispatch.id, attempt: dispatch.attempts + 1 };
  });
}
