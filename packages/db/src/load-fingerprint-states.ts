// Reads, for a batch of fingerprints inside the locked transaction, what the pure grouping step
// needs: each one's latest incident (with which of the given senders it already counts) and its
// active silences. Three queries whatever the batch size.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

export interface IncidentRow {
  id: string;
  key: string;
  sequence: number;
  fingerprint: string;
  fingerprintVersion: number;
  scope: "systemic" | "pattern";
  status: "pending" | "open" | "acknowledged" | "escalated" | "resolved";
  cause: string;
  responsible: string;
  reportingHost: string | null;
  recipientDomain: string | null;
  firstSeen: Date;
  lastSeen: Date;
  failureCount: number;
  distinctSenders: number;
  previousKey: string | null;
  announced: boolean;
  live: boolean;
  resolvedAt: Date | null;
}

export interface FingerprintStateRows {
  latest: (IncidentRow & { knownSenders: string[] }) | null;
  silences: Date[];
}

export async function loadFingerprintStates(
  client: SqlClient,
  query: { fingerprints: readonly string[]; senders: readonly string[]; at: Date },
): Promise<Map<string, FingerprintStateRows>> {
  const fingerprints = [...new Set(query.fingerprints)];
  const states = new Map<string, FingerprintStateRows>(fingerprints.map((fingerprint) => [fingerprint, { latest: null, silences: [] }]));
  if (!fingerprints.length) return states;
  const latest = await queryRows<IncidentRow>(client, sql`
    SELECT DISTINCT ON (i."fingerprint") i."id", i."key", i."sequence", i."fingerprint", i."fingerprintVersion",
           i."scope"::text AS scope, i."status"::text AS status, i."cause", i."responsible", i."reportingHost",
           i."recipientDomain", i."firstSeen", i."lastSeen", i."failureCount", i."distinctSenders",
           p."key" AS "previousKey", i."announced", i."live", i."resolvedAt"
    FROM "Incident" i LEFT JOIN "Incident" p ON p."id" = i."previousId"
    WHERE i."fingerprint" = ANY(${fingerprints}::text[])
    ORDER BY i."fingerprint", i."sequence" DESC`);
  const known = latest.length && query.senders.length
    ? await queryRows<{ incidentId: string; sender: string }>(client, sql`
        SELECT "incidentId", "sender" FROM "IncidentSender"
        WHERE "incidentId" = ANY(${latest.map((row) => row.id)}::text[]) AND "sender" = ANY(${[...new Set(query.senders)]}::text[])`)
    : [];
  for (const row of latest) {
    states.get(row.fingerprint)!.latest = { ...row, knownSenders: known.filter((item) => item.incidentId === row.id).map((item) => item.sender) };
  }
  const silences = await queryRows<{ fingerprint: string; expiresAt: Date }>(client, sql`
    SELECT "fingerprint", "expiresAt" FROM "Silence" WHERE "fingerprint" = ANY(${fingerprints}::text[]) AND "expiresAt" > ${query.at}`);
  for (const row of silences) states.get(row.fingerprint)!.silences.push(row.expiresAt);
  return states;
}
