// Test data straight into PostgreSQL: raw messages (encrypted) and failure rows, one at a time
// with chosen fields, or many at once with generate_series.
import { randomUUID } from "node:crypto";
import type { DbClient, RawMessageCipher } from "@safetynet/db";
import { sha256Hex } from "@safetynet/db";

export interface SeedFailure {
  reason?: string;
  cause?: string;
  scope?: "individual" | "systemic" | "pattern" | "none";
  outcome?: "untriaged" | "resent" | "closed-other" | "not-contacted" | "no-longer-employed";
  serious?: boolean;
  note?: string | null;
  originalSender?: string | null;
  recipient?: string;
  subjectMasked?: string | null;
  diagnosticMasked?: string | null;
  originalDate?: Date | null;
  failedAt?: Date;
  backfilled?: boolean;
  incidentId?: string | null;
  responsible?: string;
  originalMessageId?: string | null;
}

export async function seedRawMessage(
  db: DbClient,
  cipher: RawMessageCipher,
  raw = `From: mailer-daemon@relay.example\r\nSubject: Undelivered\r\nMessage-ID: <${randomUUID()}@relay.example>\r\n\r\nbody\r\n`,
  fields: { state?: "stored" | "parsed" | "quarantined"; quarantineReason?: string | null; receivedAt?: Date } = {},
): Promise<string> {
  const bytes = Buffer.from(raw);
  const receivedAt = fields.receivedAt ?? new Date();
  const row = await db.rawMessage.create({
    data: {
      sha256: sha256Hex(bytes),
      size: bytes.length,
      encrypted: new Uint8Array(cipher.encrypt(bytes)),
      state: fields.state ?? "parsed",
      parsedAt: fields.state === "parsed" || !fields.state ? new Date(receivedAt.getTime() + 50) : null,
      quarantineReason: fields.quarantineReason ?? null,
      receivedAt,
      messageIdHeader: /^Message-ID:[ \t]*(.+?)\r?$/im.exec(raw)?.[1] ?? null,
      kind: "bounce",
    },
  });
  return row.id;
}

const OUTCOME_ENUM = {
  untriaged: "untriaged",
  resent: "resent",
  "closed-other": "closed_other",
  "not-contacted": "not_contacted",
  "no-longer-employed": "no_longer_employed",
} as const;

export async function seedFailure(db: DbClient, cipher: RawMessageCipher, fields: SeedFailure = {}): Promise<string> {
  const rawMessageId = await seedRawMessage(db, cipher);
  const recipient = fields.recipient ?? "someone@politi.example";
  const failedAt = fields.failedAt ?? new Date("2024-03-01T10:00:00Z");
  const row = await db.failure.create({
    data: {
      rawMessageId,
      recipientIndex: 0,
      reason: fields.reason ?? "policyviolation",
      cause: fields.cause ?? "cpr-in-subject",
      scope: fields.scope ?? "individual",
      outcome: OUTCOME_ENUM[fields.outcome ?? "untriaged"],
      serious: fields.serious ?? false,
      note: fields.note ?? null,
      originalSender: fields.originalSender === undefined ? "sagsbehandler@kommune.example" : fields.originalSender,
      recipient,
      recipientDomain: recipient.split("@")[1] ?? null,
      subjectMasked: fields.subjectMasked === undefined ? "Sag om 0102XX-XXXX" : fields.subjectMasked,
      diagnosticMasked:
        fields.diagnosticMasked === undefined ? "550 5.7.1 blocked by DLP policy" : fields.diagnosticMasked,
      originalDate: fields.originalDate === undefined ? failedAt : fields.originalDate,
      failedAt,
      backfilled: fields.backfilled ?? false,
      incidentId: fields.incidentId ?? null,
      responsible: fields.responsible ?? "sender",
      originalMessageId: fields.originalMessageId ?? null,
    },
  });
  return row.id;
}

/**
 * `count` failures in one statement (one raw message each), failedAt spread one minute apart
 * from `start`, with reasons, outcomes and causes cycling so filters have something to pick.
 */
export async function seedManyFailures(db: DbClient, count: number, start = new Date("2020-01-01T00:00:00Z")) {
  await db.$executeRawUnsafe(
    `INSERT INTO "RawMessage" (id, sha256, size, encrypted, state, "receivedAt", source)
     SELECT 'm-' || i, md5('m-' || i), 10, '\\x00'::bytea, 'parsed', $1::timestamp + i * interval '1 minute', 'live'
     FROM generate_series(1, $2::int) AS i`,
    start.toISOString(),
    count,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Failure" (id, "rawMessageId", "recipientIndex", reason, cause, scope, outcome, recipient,
       "recipientDomain", "originalSender", "subjectMasked", "failedAt", "originalDate", responsible, "updatedAt")
     SELECT 'f-' || lpad(i::text, 8, '0'), 'm-' || i, 0,
       (ARRAY['policyviolation', 'userunknown', 'expired'])[1 + i % 3],
       (ARRAY['cpr-in-subject', 'recipient-unknown', 'gateway-down', 'tls-refused'])[1 + i % 4],
       'individual', (ARRAY['untriaged', 'resent', 'closed-other'])[1 + i % 3]::"TriageOutcome",
       'r' || i || '@dest' || (i % 5) || '.example', 'dest' || (i % 5) || '.example',
       'sender' || (i % 7) || '@kommune.example', 'Subject ' || i,
       -- every 50th row shares its failedAt with the next: ties the cursor must break by id
       $1::timestamp + (i - (i % 50 = 1)::int) * interval '1 minute',
       $1::timestamp + (i - 30) * interval '1 minute', 'sender', now()
     FROM generate_series(1, $2::int) AS i`,
    start.toISOString(),
    count,
  );
}
