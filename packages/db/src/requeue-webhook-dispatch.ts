// Staff ask for an event to be sent again (the API's redeliver): the delivery's dispatch gets one
// more attempt, now, under the same webhook-id and with the same body. Idempotent: while that
// attempt is due and not yet made, asking again names the same attempt (its job id is the same,
// so the caller's enqueue adds nothing), and a request cut off between this and the enqueue can
// simply be repeated. Refused while a scheduled retry lies in the future.
import type { DbClient } from "./create-db-client.js";

export type RequeueResult =
  | { kind: "requeued"; dispatchId: string; attempt: number }
  | { kind: "not-found" }
  | { kind: "scheduled"; at: Date }
  | { kind: "endpoint-disabled" };

export async function requeueWebhookDispatch(
  db: DbClient,
  deliveryId: string,
  now = new Date(),
): Promise<RequeueResult> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: {
        dispatch: {
          select: {
            id: true,
            status: true,
            attempts: true,
            nextAttemptAt: true,
            endpoint: { select: { active: true } },
          },
        },
      },
    });
    if (!delivery) return { kind: "not-found" as const };
    const { dispatch } = delivery;
    if (!dispatch.endpoint.active) return { kind: "endpoint-disabled" as const };
    if (dispatch.status === "pending" && dispatch.nextAttemptAt && dispatch.nextAttemptAt > now) {
      return { kind: "scheduled" as const, at: dispatch.nextAttemptAt };
    }
    if (dispatch.status !== "pending") {
      await tx.webhookDispatch.updateMany({
        where: { id: dispatch.id, status: dispatch.status },
        data: { status: "pending", nextAttemptAt: now },
      });
    }
    return { kind: "requeued" as const, dispatchId: dispatch.id, attempt: dispatch.attempts + 1 };
  });
}
