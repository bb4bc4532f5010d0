// Everything one delivery attempt needs: the dispatch's state, the message's exact bytes and the
// endpoint's URL and secrets (the previous one while its grace period lasts).
import type { DbClient } from "./create-db-client.js";

export interface WebhookDispatchRow {
  id: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  nextAttemptAt: Date | null;
  message: { id: string; type: string; incidentId: string | null; body: string };
  endpoint: {
    id: string;
    supplierId: string;
    url: string;
    active: boolean;
    failingSince: Date | null;
    /** Current secret first, then the previous one if its grace period has not ended. */
    secrets: string[];
  };
}

export async function loadWebhookDispatch(
  db: DbClient,
  dispatchId: string,
  now = new Date(),
): Promise<WebhookDispatchRow | null> {
  const row = await db.webhookDispatch.findUnique({
    where: { id: dispatchId },
    include: {
      message: { select: { id: true, type: true, incidentId: true, body: true } },
      endpoint: true,
    },
  });
  if (!row) return null;
  const { endpoint } = row;
  const previous =
    endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now
      ? [endpoint.previousSecret]
      : [];
  return {
    id: row.id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    message: row.message,
    endpoint: {
      id: endpoint.id,
      supplierId: endpoint.supplierId,
      url: endpoint.url,
      active: endpoint.active,
      failingSince: endpoint.failingSince,
      secrets: [endpoint.secret, ...previous],
    },
  };
}
