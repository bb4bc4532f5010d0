// An incident as the API shows it (list items and the detail share it).
import { z } from "zod";
import { iso, isoTime } from "../http/common-schemas.js";

export const incidentItem = z.object({
  id: z.string(),
  key: z.string(),
  scope: z.string(),
  status: z.string().describe("pending | open | acknowledged | escalated | resolved"),
  cause: z.string(),
  responsible: z.string(),
  supplierId: z.string().nullable(),
  reportingHost: z.string().nullable(),
  recipientDomain: z.string().nullable(),
  firstSeen: isoTime,
  lastSeen: isoTime,
  failureCount: z.number().int(),
  distinctSenders: z.number().int(),
  announced: z.boolean().describe("incident.opened was decided for the supplier"),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: isoTime.nullable(),
  escalatedAt: isoTime.nullable(),
  resolvedAt: isoTime.nullable(),
  silence: z.object({ reason: z.string(), createdBy: z.string(), expiresAt: isoTime }).nullable(),
});
export type IncidentItem = z.output<typeof incidentItem>;

export const INCIDENT_COLUMNS = `i.id, i.key, i.scope::text AS scope, i.status::text AS status, i.cause, i.responsible,
  i."supplierId", i."reportingHost", i."recipientDomain", i."firstSeen", i."lastSeen", i."failureCount",
  i."distinctSenders", i.announced, i."acknowledgedBy", i."acknowledgedAt", i."escalatedAt", i."resolvedAt",
  (SELECT json_build_object('reason', s.reason, 'createdBy', s."createdBy", 'expiresAt', s."expiresAt")
     FROM "Silence" s WHERE s.fingerprint = i.fingerprint AND s."expiresAt" > now() AT TIME ZONE 'UTC'
     ORDER BY s."expiresAt" DESC LIMIT 1) AS silence`;

export function toIncidentItem(row: Record<string, unknown>): IncidentItem {
  const silence = row.silence as { reason: string; createdBy: string; expiresAt: string } | null;
  return {
    id: row.id as string,
    key: row.key as string,
    scope: row.scope as string,
    status: row.status as string,
    cause: row.cause as string,
    responsible: row.responsible as string,
    supplierId: row.supplierId as string | null,
    reportingHost: row.reportingHost as string | null,
    recipientDomain: row.recipientDomain as string | null,
    firstSeen: (row.firstSeen as Date).toISOString(),
    lastSeen: (row.lastSeen as Date).toISOString(),
    failureCount: row.failureCount as number,
    distinctSenders: row.distinctSenders as number,
    announced: row.announced as boolean,
    acknowledgedBy: row.acknowledgedBy as string | null,
    acknowledgedAt: iso(row.acknowledgedAt as Date | null),
    escalatedAt: iso(row.escalatedAt as Date | null),
    resolvedAt: iso(row.resolvedAt as Date | null),
    // json_build_object renders a timestamp without zone as local text: it is UTC by convention.
    silence: silence ? { ...silence, expiresAt: new Date(`${silence.expiresAt}Z`).toISOString() } : null,
  };
}
