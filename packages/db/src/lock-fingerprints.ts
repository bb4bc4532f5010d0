// Transaction-scoped advisory locks on fingerprints: two workers grouping failures with the same
// fingerprint take turns, so they can never open two incidents for one fault. Sorted: no deadlock.
import type { SqlClient } from "./sql-client.js";
import { queryRows, sql } from "./sql-template.js";

/** Namespace for pg_advisory_xact_lock(int, int), apart from other advisory locks of the product. */
const FINGERPRINT_LOCK_SPACE = 727006;

export async function lockFingerprints(client: SqlClient, fingerprints: Iterable<string>): Promise<void> {
  const sorted = [...new Set(fingerprints)].sort();
  if (!sorted.length) return;
  // One round trip; the ordered subquery makes every transaction take the locks in the same order.
  await queryRows(
    client,
    sql`
    SELECT count(pg_advisory_xact_lock(${FINGERPRINT_LOCK_SPACE}::int, hashtext(f)))::int AS locked
    FROM (SELECT f FROM unnest(${sorted}::text[]) AS f ORDER BY f) AS ordered`,
  );
}
