// How webhook endpoints and delivery attempts look in API responses: never a secret (it is shown
// once, when created or rotated), never a payload (a supplier's answer is kept, up to 2 KB).
import { z } from "zod";
import { iso, isoTime } from "../http/common-schemas.js";

export const endpointItem = z.object({
  id: z.string(),
  supplierId: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  disabledAt: isoTime.nullable(),
  disabledReason: z.string().nullable().describe("gone (410) | failing (5 days without a success)"),
  failingSince: isoTime.nullable().describe("start of the current run of failed attempts"),
  previousSecretExpiresAt: isoTime.nullable().describe("until then the rotated-out secret signs too"),
  createdAt: isoTime,
});

export interface EndpointRow {
  id: string;
  supplierId: string;
  url: string;
  events: string[];
  active: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
}

export function toEndpointItem(row: EndpointRow, now: Date): z.infer<typeof endpointItem> {
  const graceLeft =
    row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    supplierId: row.supplierId,
    url: row.url,
    events: row.events,
    active: row.active,
    disabledAt: iso(row.disabledAt),
    disabledReason: row.disabledReason,
    failingSince: iso(row.failingSince),
    previousSecretExpiresAt: iso(graceLeft),
    createdAt: row.createdAt.toISOString(),
  };
}

export const deliveryItem = z.object({
  id: z.string(),
  endpointId: z.string(),
  incidentId: z.string().nullable(),
  eventId: z.string().describe("the webhook-id header: the same on every attempt of one event"),
  eventType: z.string(),
  attempt: z.number().int(),
  status: z.enum(["pending", "succeeded", "failed"]),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  responseBody: z.string().nullable().describe("the first 2 KB of the receiver's answer"),
  createdAt: isoTime,
  dispatch: z.object({
    id: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: isoTime.nullable(),
  }),
});
