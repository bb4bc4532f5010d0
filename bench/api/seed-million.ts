// One million failures in one database with generate_series: six years (2019-2024) of a large
// municipality, every 3 minutes; causes, reasons, outcomes, senders and recipient domains cycle
// with primes so filters select realistic shares; a third of the originals had two recipients.
import type { DbClient } from "@safetynet/db";

export async function seedMillion(db: DbClient, count: number, log: (line: string) => void): Promise<void> {
  const chunk = 250_000;
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await db.$executeRawUnsafe(
      `INSERT INTO "RawMessage" (id, sha256, size, encrypted, state, "receivedAt", source, "parsedAt")
       SELECT 'm-' || i, md5('m-' || i), 10, '\\x00'::bytea, 'parsed',
         timestamp '2019-01-01' + i * interval '3 minutes' + interval '5 minutes',
         CASE WHEN i < ${Math.floor(count * 0.8)} THEN 'import' ELSE 'live' END::"MessageSource",
         timestamp '2019-01-01' + i * interval '3 minutes' + interval '6 minutes'
       FROM generate_series(${start}, ${end}) AS i`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "Failure" (id, "rawMessageId", "recipientIndex", reason, cause, scope, outcome, serious, note,
         recipient, "recipientDomain", "originalSender", "subjectMasked", "diagnosticMasked", "originalMessageId",
         "originalDate", "failedAt", responsible, backfilled, "updatedAt")
       SELECT 'f-' || lpad(i::text, 8, '0'), 'm-' || i, 0,
         (ARRAY['policyviolation', 'userunknown', 'expired', 'networkerror', 'mailboxfull', 'securityerror', 'hostunknown'])[1 + i % 7],
         (ARRAY['cpr-in-subject', 'recipient-unknown', 'gateway-down', 'tls-refused', 'mailbox-full'])[1 + i % 5],
         (ARRAY['individual', 'individual', 'individual', 'systemic', 'pattern'])[1 + i % 5]::"Scope",
         (ARRAY['untriaged', 'resent', 'resent', 'closed-other', 'not-contacted', 'no-longer-employed'])[1 + i % 6]::"TriageOutcome",
         i % 53 = 0, CASE WHEN i % 53 = 0 THEN 'Alvorlig: politianmeldelse' END,
         'r' || i % 100000 || '@dom' || i % 311 || '.example', 'dom' || i % 311 || '.example',
         'caseworker' || i % 2003 || '@kommune.example', 'Sag nr. ' || i || ' om 0102XX-XXXX',
         '550 5.7.1 message rejected (' || i % 97 || ')', '<o' || (i - (i % 3 = 2)::int) || '@kommune.example>',
         timestamp '2019-01-01' + i * interval '3 minutes', timestamp '2019-01-01' + i * interval '3 minutes' + interval '5 minutes',
         'sender', i < ${Math.floor(count * 0.8)}, now()
       FROM generate_series(${start}, ${end}) AS i`,
    );
    log(`seeded ${end.toLocaleString("en")} failures`);
  }
}
