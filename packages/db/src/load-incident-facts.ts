// What an incident event tells the supplier, read in one place: the incident's counts and time
// range, the distinct reasons, codes and hosts of its failures (a few of each), whether a silence
// mutes it now, and when the event was decided. Never addresses, subjects or diagnostic text.
import type { DbClient } from "./create-db-client.js";

export interface IncidentFactsRow {
  id: string;
  key: string;
  fingerprint: string;
  status: string;
  scope: string;
  cause: string;
  responsible: string;
  supplierId: string | null;
  firstSeen: Date;
  lastSeen: Date;
  resolvedAt: Date | null;
  failureCount: number;
  distinctSenders: number;
  reasons: string[];
  statusCodes: string[];
  replyCodes: string[];
  reportingHosts: string[];
  failingHosts: string[];
  /** An unexpired silence covers the incident's fingerprint. */
  silenced: boolean;
  /** When the outbox recorded the event (its timestamp in the envelope); null if not found. */
  eventAt: Date | null;
}

const DISTINCT_LIMIT = 20;

export async function loadIncidentFacts(
  db: DbClient,
  incidentId: string,
  event: { event: string; sequence: number },
  now = new Date(),
): Promise<IncidentFactsRow | null> {
  const incident = await db.incident.findUnique({ where: { id: incidentId } });
  if (!incident) return null;
  const [aggregates, silence, recorded] = await Promise.all([
    db.$queryRaw<{ kind: string; value: string }[]>`
      SELECT kind, value FROM (
        SELECT kind, value, row_number() OVER (PARTITION BY kind ORDER BY value) AS n FROM (
          SELECT DISTINCT k.kind, k.value FROM "Failure" f
          CROSS JOIN LATERAL (VALUES ('reason', f."reason"), ('status', f."status"), ('reply', f."replyCode"),
                                     ('reporting', f."reportingMta"), ('failing', f."remoteMta")) AS k(kind, value)
          WHERE f."incidentId" = ${incidentId} AND k.value IS NOT NULL
        ) AS d
      ) AS ranked WHERE n <= ${DISTINCT_LIMIT}`,
    db.silence.findFirst({
      where: { fingerprint: incident.fingerprint, expiresAt: { gt: now } },
      select: { id: true },
    }),
    db.incidentEvent.findUnique({
      where: { incidentId_event_sequence: { incidentId, event: event.event, sequence: event.sequence } },
      select: { createdAt: true },
    }),
  ]);
  const of = (kind: string) => aggregates.filter((row) => row.kind === kind).map((row) => row.value);
  return {
    id: incident.id,
    key: incident.key,
    fingerprint: incident.fingerprint,
    status: incident.status,
    scope: incident.scope,
    cause: incident.cause,
    responsible: incident.responsible,
    supplierId: incident.supplierId,
    firstSeen: incident.firstSeen,
    lastSeen: incident.lastSeen,
    resolvedAt: incident.resolvedAt,
    failureCount: incident.failureCount,
    distinctSenders: incident.distinctSenders,
    reasons: of("reason"),
    statusCodes: of("status"),
    replyCodes: of("reply"),
    reportingHosts: of("reporting"),
    failingHosts: of("failing"),
    silenced: silence !== null,
    eventAt: recorded?.createdAt ?? null,
  };
}
