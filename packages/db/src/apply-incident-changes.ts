// Writes what one grouping step decided, inside the locked transaction: new and changed incidents
// (final state per key), failures attached to them, and newly counted distinct senders.
import { randomUUID } from "node:crypto";
import type { SqlClient } from "./sql-client.js";
import type { IncidentColumns } from "./load-fingerprint-states.js";
import { queryRows, sql } from "./sql-template.js";

export interface IncidentWrite extends IncidentColumns {
  created: boolean;
  /** Only a supplier registered in the database (the foreign key); rules-file suppliers stay in `responsible`. */
  supplierId: string | null;
  previousId: string | null;
}

export interface IncidentChanges {
  incidents: IncidentWrite[];
  /** Failures recorded before this step that a new incident takes along. */
  attachments: { incidentKey: string; failureIds: string[]; scope: "individual" | "systemic" }[];
  senders: { incidentKey: string; sender: string; firstSeen: Date }[];
}

/** Returns the id of every incident written, by key. */
export async function applyIncidentChanges(client: SqlClient, changes: IncidentChanges, knownIds: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const ids = new Map(knownIds);
  // The statements are independent of each other's results: queue them all on the connection (it
  // runs them in order) and wait once, rather than a trip through the event loop after each.
  const statements: Promise<unknown>[] = [];
  for (const { created, key, ...data } of changes.incidents) {
    if (!created) continue;
    const id = randomUUID();
    statements.push(queryRows(client, sql`
      INSERT INTO "Incident" ("id", "key", "sequence", "fingerprint", "fingerprintVersion", "scope", "status", "cause", "responsible",
        "supplierId", "reportingHost", "recipientDomain", "firstSeen", "lastSeen", "failureCount", "distinctSenders", "previousId",
        "announced", "live", "resolvedAt", "updatedAt")
      VALUES (${id}, ${key}, ${data.sequence}, ${data.fingerprint}, ${data.fingerprintVersion}, ${data.scope}::"Scope",
        ${data.status}::"IncidentStatus", ${data.cause}, ${data.responsible}, ${data.supplierId}, ${data.reportingHost},
        ${data.recipientDomain}, ${data.firstSeen}, ${data.lastSeen}, ${data.failureCount}, ${data.distinctSenders},
        ${data.previousId}, ${data.announced}, ${data.live}, ${data.resolvedAt}, now())`));
    ids.set(key, id);
  }
  // Changed incidents in one statement (a batch of a storm touches several at once); keys are unique per step.
  const updated = changes.incidents.filter((incident) => !incident.created);
  if (updated.length) {
    const column = <K extends keyof IncidentWrite>(key: K) => updated.map((incident) => incident[key]);
    statements.push(queryRows(client, sql`
      UPDATE "Incident" AS i SET "status" = u.status::"IncidentStatus", "firstSeen" = u.first_seen, "lastSeen" = u.last_seen,
        "failureCount" = u.failure_count, "distinctSenders" = u.distinct_senders, "announced" = u.announced,
        "live" = u.live, "resolvedAt" = u.resolved_at, "updatedAt" = now()
      FROM unnest(${column("key")}::text[], ${column("status")}::text[], ${column("firstSeen")}::timestamp[], ${column("lastSeen")}::timestamp[],
        ${column("failureCount")}::int[], ${column("distinctSenders")}::int[], ${column("announced")}::boolean[], ${column("live")}::boolean[],
        ${column("resolvedAt")}::timestamp[]) AS u(key, status, first_seen, last_seen, failure_count, distinct_senders, announced, live, resolved_at)
      WHERE i."key" = u.key`));
  }
  for (const attachment of changes.attachments) {
    const incidentId = ids.get(attachment.incidentKey);
    if (!incidentId || !attachment.failureIds.length) continue;
    statements.push(queryRows(client, sql`
      UPDATE "Failure" SET "incidentId" = ${incidentId}, "scope" = ${attachment.scope}::"Scope", "updatedAt" = now()
      WHERE "id" = ANY(${attachment.failureIds}::text[])`));
  }
  const senders = changes.senders.flatMap((row) => {
    const incidentId = ids.get(row.incidentKey);
    return incidentId ? [{ incidentId, sender: row.sender, firstSeen: row.firstSeen }] : [];
  });
  if (senders.length) {
    statements.push(queryRows(client, sql`
      INSERT INTO "IncidentSender" ("incidentId", "sender", "firstSeen")
      SELECT * FROM unnest(${senders.map((s) => s.incidentId)}::text[], ${senders.map((s) => s.sender)}::text[], ${senders.map((s) => s.firstSeen)}::timestamp[])
      ON CONFLICT DO NOTHING`));
  }
  await Promise.all(statements);
  return ids;
}
