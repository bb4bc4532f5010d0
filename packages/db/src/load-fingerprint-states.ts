// Reads, for a batch of fingerprints inside the locked transaction, what the pure grouping step
// needs: each one's latest incident (with which of the given senders it already counts) and its
// active silences. One query whatever the batch size.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

/** The incident columns the grouping step reads and writes: the persisted form of the classifier's
 *  IncidentState (dates, not epoch numbers); apps/worker/src/ingest/incident-mapping.ts converts. */
export interface IncidentColumns {
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
  announced: boolean;
  live: boolean;
  resolvedAt: Date | null;
}

export interface IncidentRow extends IncidentColumns {
  id: string;
  previousKey: string | null;
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
  const states = new Map<string, FingerprintStateRows>(
    fingerprints.map((fingerprint) => [fingerprint, { latest: null, silences: [] }]),
  );
  if (!fingerprints.length) return states;
  // One round trip (it runs inside the locked ingest transaction, where every round trip holds the
  // fingerprint locks longer): the latest incident per fingerprint, which of the given senders it
  // already counts, and the active silences (as epoch ms: array elements skip the UTC parser).
  const rows = await queryRows<
    { fingerprint: string; id: string | null; knownSenders: string[]; silences: number[] } & Omit<
      IncidentRow,
      "fingerprint" | "id"
    >
  >(
    client,
    sql`
    SELECT w.fp AS "fingerprint", l."id", l."key", l."sequence", l."fingerprintVersion", l.scope, l.status, l."cause", l."responsible",
           l."reportingHost", l."recipientDomain", l."firstSeen", l."lastSeen", l."failureCount", l."distinctSenders",
           l."previousKey", l."announced", l."live", l."resolvedAt",
           COALESCE((SELECT array_agg(s."sender") FROM "IncidentSender" s
                     WHERE s."incidentId" = l."id" AND s."sender" = ANY(${[...new Set(query.senders)]}::text[])), '{}') AS "knownSenders",
           COALESCE((SELECT array_agg((extract(epoch FROM x."expiresAt") * 1000)::float8) FROM "Silence" x
                     WHERE x."fingerprint" = w.fp AND x."expiresAt" > ${query.at}::timestamp), '{}') AS "silences"
    FROM unnest(${fingerprints}::text[]) AS w(fp)
    LEFT JOIN LATERAL (
      SELECT i."id", i."key", i."sequence", i."fingerprintVersion", i."scope"::text AS scope, i."status"::text AS status, i."cause",
             i."responsible", i."reportingHost", i."recipientDomain", i."firstSeen", i."lastSeen", i."failureCount",
             i."distinctSenders", p."key" AS "previousKey", i."announced", i."live", i."resolvedAt"
      FROM "Incident" i LEFT JOIN "Incident" p ON p."id" = i."previousId"
      WHERE i."fingerprint" = w.fp
      ORDER BY i."sequence" DESC LIMIT 1
    ) AS l ON true`,
  );
  for (const { knownSenders, silences, ...row } of rows) {
    const state = states.get(row.fingerprint)!;
    state.silences = silences.map((ms) => new Date(ms));
    if (row.id !== null) state.latest = { ...(row as IncidentRow), knownSenders };
  }
  return states;
}
