// Benchmark data: N failures (one raw message each) spread over six years, with reasons, causes
// and outcomes cycling, written by PostgreSQL itself (generate_series) in batches of 200,000.
import type { DbClient } from "@safetynet/db";

export async function seedMillionFailures(db: DbClient, count: number): Promise<void> {
  const batch = 200_000;
  for (let first = 1; first <= count; first += batch) {
    const last = Math.min(count, first + batch - 1);
    await db.$executeRawUnsafe(
      `INSERT INTO "RawMessage" (id, sha256, size, encrypted, state, "receivedAt", source, kind)
       SELECT 'm-' || i, md5('m-' || i), 10, '\\x00'::bytea, 'parsed',
         timestamp '2019-01-01' + i * interval '3 minutes', 'live', 'bounce'
       FROM generate_series($1::int, $2::int) AS i`,
      first,
      last,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "Failure" (id, "rawMessageId", "recipientIndex", reason, cause, status, scope, outcome,
         recipient, "recipientDomain", "originalSender", "subjectMasked", "diagnosticMasked", "failedAt",
         "originalDate", responsible, "updatedAt")
       SELECT 'f-' || lpad(i::text, 8, '0'), 'm-' || i, 0,
         (ARRAY['policyviolation', 'userunknown', 'expired', 'securityerror'])[1 + i % 4],
         (ARRAY['cpr-in-subject', 'recipient-unknown', 'expired-retrying', 'tls-required'])[1 + i % 4],
         '5.7.1', 'individual',
         (ARRAY['untriaged', 'resent', 'closed-other', 'not-contacted', 'no-longer-employed'])[1 + i % 5]::"TriageOutcome",
         'modtager' || i || '@politi.example', 'politi.example', 'sagsbehandler' || (i % 400) || '@kommune.example',
         'Sag om 0102XX-XXXX nr. ' || i, '550 5.7.1 blocked by DLP policy',
         timestamp '2019-01-01' + i * interval '3 minutes', timestamp '2019-01-01' + i * interval '3 minutes' - interval '2 minutes',
         'sender', now()
       FROM generate_series($1::int, $2::int) AS i`,
      first,
      last,
    );
  }
  await db.$executeRawUnsafe(`ANALYZE "RawMessage"`);
  await db.$executeRawUnsafe(`ANALYZE "Failure"`);
}
