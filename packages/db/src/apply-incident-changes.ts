// Writes what one grouping step decided, inside the locked transaction: new and changed incidents
// (final state per key), failures attached to them, and newly counted distinct senders.
import { randomUUID } from "node:crypto";
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface IncidentWrite {
  created: boolean;
  key: string;
  sequence: number;
  fingerprint: string;
  fingerprintVersion: number;
  scope: "systemic" | "pattern";
  status: "pending" | "open" | "acknowledged" | "escalated" | "resolved";
  cause: string;
  responsible: string;
  /** Only a supplier registered in the database (the foreign key); rules-file suppliers stay in `responsible`. */
  supplierId: string | null;
  reportingHost: string | null;
  recipientDomain: string | null;
  firstSeen: Date;
  lastSeen: Date;
  failureCount: number;
  distinctSenders: number;
  previousId: string | null;
  announced: boolean;
  live: boolean;
  resolvedAt: Date | null;
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
  for (const { created, key, ...data } of changes.incidents) {
    if (created) {
      const id = randomUUID();
      await queryRows(client, sql`
        INSERT INTO "Incident" ("id", "key", "sequence", "fingerprint", "fingerprintVersion", "scope", "status", "cause", "responsible",
          "supplierId", "reportingHost", "recipientDomain", "firstSeen", "lastSeen", "failureCount", "distinctSenders", "previousId",
          "announced", "live", "resolvedAt", "updatedAt")
        VALUES (${id}, ${key}, ${data.sequence}, ${data.fingerprint}, ${data.fingerprintVersion}, ${data.scope}::"Scope",
          ${data.status}::"IncidentStatus", ${data.cause}, ${data.responsible}, ${data.supplierId}, ${data.reportingHost},
          ${data.recipientDomain}, ${data.firstSeen}, ${data.lastSeen}, ${data.failureCount}, ${data.distinctSenders},
          ${data.previousId}, ${data.announced}, ${data.live}, ${data.resolvedAt}, now())`);
      ids.set(key, id);
    } else {
      await queryRows(client, sql`
        UPDATE "Incident" SET "status" = ${data.status}::"IncidentStatus", "firstSeen" = ${data.firstSeen}, "lastSeen" = ${data.lastSeen},
          "failureCount" = ${data.failureCount}, "distinctSenders" = ${data.distinctSenders}, "announced" = ${data.announced},
          "live" = ${data.live}, "resolvedAt" = ${data.resolvedAt}, "updatedAt" = now()
        WHERE "key" = ${key}`);
    }
  }
  for (const attachment of changes.attachments) {
    const incidentId = ids.get(attachment.incidentKey);
    if (!incidentId || !attachment.failureIds.length) continue;
    await queryRows(client, sql`
      UPDATE "Failure" SET "incidentId" = ${incidentId}, "scope" = ${attachment.scope}::"Scope", "updatedAt" = now()
      WHERE "id" = ANY(${attachment.failureIds}::text[])`);
  }
  const senders = changes.senders.flatMap((row) => {
    const incidentId = ids.get(row.incidentKey);
    return incidentId ? [{ incidentId, sender: row.sender, firstSeen: row.firstSeen }] : [];
  });
  if (senders.length) {
    await queryRows(client, sql`
      INSERT INTO "IncidentSender" ("incidentId", "sender", "firstSeen")
      SELECT * FROM unnest(${senders.map((s) => s.incidentId)}::text[], ${senders.map((s) => s.sender)}::text[], ${senders.map((s) => s.firstSeen)}::timestamp[])
      ON CONFLICT DO NOTHING`);
  }
  return ids;
}
