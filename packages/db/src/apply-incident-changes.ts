// Writes what one grouping step decided, inside the locked transaction: new and changed incidents
// (final state per incident), failures attached to them, and newly counted distinct senders.
// Each kind is one statement whatever the batch holds, run one after another on the connection.

import type { IncidentColumns } from "./load-fingerprint-states.js";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface IncidentWrite extends IncidentColumns {
  /** Chosen by the caller for a new incident, so a recurrence in the same batch can point at it. */
  id: string;
  created: boolean;
  /** Only a supplier registered in the database (the foreign key); rules-file suppliers stay in `responsible`. */
  supplierId: string | null;
  previousId: string | null;
}

export interface IncidentChanges {
  incidents: IncidentWrite[];
  /** Failures recorded before this step that a new incident takes along. */
  attachments: { incidentId: string; failureIds: string[]; scope: "individual" | "systemic" }[];
  senders: { incidentId: string; sender: string; firstSeen: Date }[];
}

export async function applyIncidentChanges(client: SqlClient, changes: IncidentChanges): Promise<void> {
  const created = changes.incidents.filter((incident) => incident.created);
  if (created.length) await insertIncidents(client, created);
  const updated = changes.incidents.filter((incident) => !incident.created);
  if (updated.length) await updateIncidents(client, updated);
  const attachments = changes.attachments.filter((attachment) => attachment.failureIds.length);
  if (attachments.length) {
    const rows = attachments.flatMap((a) =>
      a.failureIds.map((failureId) => ({ failureId, incidentId: a.incidentId, scope: a.scope })),
    );
    await queryRows(
      client,
      sql`
      UPDATE "Failure" AS f SET "incidentId" = a.incident_id, "scope" = a.scope::"Scope", "updatedAt" = now()
      FROM unnest(${rows.map((r) => r.failureId)}::text[], ${rows.map((r) => r.incidentId)}::text[], ${rows.map((r) => r.scope)}::text[])
        AS a(failure_id, incident_id, scope)
      WHERE f."id" = a.failure_id`,
    );
  }
  if (changes.senders.length) {
    const senders = changes.senders;
    await queryRows(
      client,
      sql`
      INSERT INTO "IncidentSender" ("incidentId", "sender", "firstSeen")
      SELECT * FROM unnest(${senders.map((s) => s.incidentId)}::text[], ${senders.map((s) => s.sender)}::text[], ${senders.map((s) => s.firstSeen)}::timestamp[])
      ON CONFLICT DO NOTHING`,
    );
  }
}

/** One field of every incident, as an array for `unnest`. */
const columnsOf =
  (incidents: readonly IncidentWrite[]) =>
  <K extends keyof IncidentWrite>(key: K) =>
    incidents.map((incident) => incident[key]);

/** One statement: the foreign key of a recurrence to an incident created beside it is checked at its end. */
async function insertIncidents(client: SqlClient, incidents: readonly IncidentWrite[]): Promise<void> {
  const column = columnsOf(incidents);
  await queryRows(
    client,
    sql`
    INSERT INTO "Incident" ("id", "key", "sequence", "fingerprint", "fingerprintVersion", "scope", "status", "cause", "responsible",
      "supplierId", "reportingHost", "recipientDomain", "firstSeen", "lastSeen", "failureCount", "distinctSenders", "previousId",
      "announced", "live", "resolvedAt", "updatedAt")
    SELECT n.id, n.key, n.sequence, n.fingerprint, n.fingerprint_version, n.scope::"Scope", n.status::"IncidentStatus", n.cause,
      n.responsible, n.supplier_id, n.reporting_host, n.recipient_domain, n.first_seen, n.last_seen, n.failure_count,
      n.distinct_senders, n.previous_id, n.announced, n.live, n.resolved_at, now()
    FROM unnest(${column("id")}::text[], ${column("key")}::text[], ${column("sequence")}::int[], ${column("fingerprint")}::text[],
      ${column("fingerprintVersion")}::int[], ${column("scope")}::text[], ${column("status")}::text[], ${column("cause")}::text[],
      ${column("responsible")}::text[], ${column("supplierId")}::text[], ${column("reportingHost")}::text[],
      ${column("recipientDomain")}::text[], ${column("firstSeen")}::timestamp[], ${column("lastSeen")}::timestamp[],
      ${column("failureCount")}::int[], ${column("distinctSenders")}::int[], ${column("previousId")}::text[],
      ${column("announced")}::boolean[], ${column("live")}::boolean[], ${column("resolvedAt")}::timestamp[])
      AS n(id, key, sequence, fingerprint, fingerprint_version, scope, status, cause, responsible, supplier_id, reporting_host,
        recipient_domain, first_seen, last_seen, failure_count, distinct_senders, previous_id, announced, live, resolved_at)`,
  );
}

/** Changed incidents in one statement: a batch of a storm touches several at once. */
async function updateIncidents(client: SqlClient, incidents: readonly IncidentWrite[]): Promise<void> {
  const column = columnsOf(incidents);
  await queryRows(
    client,
    sql`
    UPDATE "Incident" AS i SET "status" = u.status::"IncidentStatus", "firstSeen" = u.first_seen, "lastSeen" = u.last_seen,
      "failureCount" = u.failure_count, "distinctSenders" = u.distinct_senders, "announced" = u.announced,
      "live" = u.live, "resolvedAt" = u.resolved_at, "updatedAt" = now()
    FROM unnest(${column("id")}::text[], ${column("status")}::text[], ${column("firstSeen")}::timestamp[], ${column("lastSeen")}::timestamp[],
      ${column("failureCount")}::int[], ${column("distinctSenders")}::int[], ${column("announced")}::boolean[], ${column("live")}::boolean[],
      ${column("resolvedAt")}::timestamp[]) AS u(id, status, first_seen, last_seen, failure_count, distinct_senders, announced, live, resolved_at)
    WHERE i."id" = u.id`,
  );
}
