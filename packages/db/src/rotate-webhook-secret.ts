// A new secret for an endpoint; the old one keeps signing (a second signature) until the grace
// period ends, so the supplier can switch its receiver over without losing an event.
import type { DbClient } from "./create-db-client.js";

export async function rotateWebhookSecret(
  db: DbClient,
  endpointId: string,
  secret: string,
  graceUntil: Date,
): Promise<{ previousSecretExpiresAt: Date } | null> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { secret: true } });
    if (!endpoint) return null;
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secret, previousSecret: endpoint.secret, previousSecretExpiresAt: graceUntil },
    });
    return { previousSecretExpiresAt: graceUntil };
  });
}
