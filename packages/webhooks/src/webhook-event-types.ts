// The event names suppliers subscribe to (stable once shipped: receivers switch on them) and the
// envelope every request body carries (DESIGN.md: {"type", "timestamp", "data"}, plus the event id).
import { WEBHOOK_EVENTS as INCIDENT_EVENTS } from "@safetynet/core";

/** Incident lifecycle events plus `test`, which staff send from the API to check an endpoint. */
export const WEBHOOK_EVENT_TYPES = [...INCIDENT_EVENTS, "test"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEnvelope<D = Record<string, unknown>> {
  /** The same value as the webhook-id header: receivers deduplicate retries by it. */
  id: string;
  type: WebhookEventType;
  /** When the event happened (ISO 8601); webhook-timestamp is when this attempt was signed. */
  timestamp: string;
  data: D;
}
