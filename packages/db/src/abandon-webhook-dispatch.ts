// A dispatch whose endpoint was disabled (410, five days of failures, or staff) is given up
// without another request: nothing more is sent to an endpoint that asked for nothing more.
import type { DbClient } from "./create-db-client.js";

export async function abandonWebhookDispatch(db: DbClient, dispatchId: string): Promise<void> {
  await db.webhookDispatch.updateMany({
    where: { id: dispatchId, status: "pending" },
    data: { status: "failed", nextAttemptAt: null },
  });
}
