// Test support: creates RawMessage and Failure rows directly (the ingest processor that normally
// writes them is built concurrently), shaped as ingest writes them. Test-only.
import { randomBytes, randomUUID } from "node:crypto";
import type { DbClient } from "@safetynet/db";

export interface SeedFailure {
  recipient: string;
  cause?: string;
  scope?: "individual" | "systemic";
  incidentKey?: string;
}

export interface SeedMessage {
  originalSender: string;
  failures: SeedFailure[];
  subjectMasked?: string;
  originalMessageId?: string;
  originalDate?: Date;
  source?: "live" | "import";
}

async function ensureIncident(db: DbClient, key: string): Promise<string> {
  const now = new Date();
  const incident = await db.incident.upsert({
    where: { key },
    create: {
      key,
      fingerprint: key,
      fingerprintVersion: 1,
      scope: "systemic",
      status: "open",
      cause: "tls-required",
      responsible: "own-infrastructure",
      firstSeen: now,
      lastSeen: now,
    },
    update: {},
  });
  return incident.id;
}

/** Returns the raw message id and the failure ids, in recipient order. */
export async function seedMessage(
  db: DbClient,
  message: SeedMessage,
): Promise<{ rawMessageId: string; failureIds: string[] }> {
  const rawMessageId = randomUUID();
  await db.rawMessage.create({
    data: {
      id: rawMessageId,
      source: message.source ?? "live",
      sha256: randomBytes(32).toString("hex"),
      size: 10,
      encrypted: Buffer.from("x"),
      state: "parsed",
      kind: "bounce",
    },
  });
  const incidents = new Map<string, string>();
  for (const key of new Set(message.failures.flatMap((failure) => failure.incidentKey ?? [])))
    incidents.set(key, await ensureIncident(db, key));
  const originalMessageId = message.originalMessageId ?? `<${randomUUID()}@kommune.example>`;
  // One statement for all of them: a DSN may name thousands of recipients.
  await db.failure.createMany({
    data: message.failures.map((failure, index) => ({
      rawMessageId,
      recipientIndex: index,
      reason: "filtered",
      cause: failure.cause ?? "cpr-in-subject",
      scope: failure.scope ?? "individual",
      responsible: "sender",
      originalSender: message.originalSender,
      recipient: failure.recipient,
      recipientDomain: failure.recipient.split("@")[1] ?? null,
      subjectMasked: message.subjectMasked ?? "Underretning vedr. 0102XX-XXXX",
      originalMessageId,
      originalDate: message.originalDate ?? new Date("2026-11-28T09:15:00Z"),
      failedAt: new Date(),
      incidentId: failure.incidentKey ? incidents.get(failure.incidentKey)! : null,
      backfilled: message.source === "import",
    })),
  });
  const rows = await db.failure.findMany({
    where: { rawMessageId },
    select: { id: true },
    orderBy: { recipientIndex: "asc" },
  });
  const failureIds = rows.map((row) => row.id);
  return { rawMessageId, failureIds };
}
