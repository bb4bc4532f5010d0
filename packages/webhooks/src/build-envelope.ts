// Serialises one event's body once: every retry and redelivery sends these exact bytes, so the
// receiver's deduplication by webhook-id and its signature check see the same thing each time.
import type { WebhookEnvelope, WebhookEventType } from "./webhook-event-types.js";

export function buildEnvelope<D extends Record<string, unknown>>(
  id: string,
  type: WebhookEventType,
  at: Date,
  data: D,
): string {
  const envelope: WebhookEnvelope<D> = { id, type, timestamp: at.toISOString(), data };
  return JSON.stringify(envelope);
}
