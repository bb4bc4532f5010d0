// A small, realistic triage database for the browser tests: failures over six years with every
// outcome, a systemic incident with fresh failures since yesterday's check, a supplier, a mailbox,
// a quarantined message and a staff member. Returns what it wrote, so tests derive expectations.
import type { DbClient } from "@safetynet/db";

export interface SeededFailure {
  id: string;
  year: number;
  reason: string;
  cause: string;
  outcome: string;
  fresh: boolean;
}

export interface SeededData {
  failures: SeededFailure[];
  incidentId: string;
  quarantinedId: string;
}

const REASONS = ["policyviolation", "userunknown", "expired", "securityerror"];
const CAUSES = ["cpr-in-subject", "recipient-unknown", "expired-retrying", "tls-required"];
const OUTCOMES = ["untriaged", "resent", "closed-other", "not-contacted", "no-longer-employed"];

export async function seedTriageData(db: DbClient, now = new Date()): Promise<SeededData> {
  const failures: SeededFailure[] = [];
  await db.supplier.create({
    data: { id: "sikkermail", name: "Sikker mail A/S", match: { hosts: ["*.sikkermail.example"] } },
  });
  await db.mailbox.create({
    data: {
      name: "sikkerhedsnet",
      url: "imap://sikkerhedsnet@127.0.0.1:1143/INBOX",
      origin: "config",
      lastUid: 120n,
      lastSeenAt: now,
      lastFullSyncAt: now,
    },
  });
  await db.staffMember.create({
    data: { email: "sagsbehandler0@kommune.example", name: "Sagsbehandler Nul", department: "Børn og unge" },
  });
  const incident = await db.incident.create({
    data: {
      key: "gw-down-1",
      fingerprint: "gw-down",
      fingerprintVersion: 1,
      scope: "systemic",
      status: "open",
      cause: "gateway-cannot-return",
      responsible: "supplier:sikkermail",
      supplierId: "sikkermail",
      reportingHost: "relay.sikkermail.example",
      firstSeen: new Date(now.getTime() - 6 * 3_600_000),
      lastSeen: new Date(now.getTime() - 3_600_000),
      failureCount: 6,
      distinctSenders: 3,
      live: true,
      announced: true,
    },
  });
  const rows: {
    id: string;
    failedAt: Date;
    reason: string;
    cause: string;
    outcome: string;
    incidentId: string | null;
    scope: string;
    index: number;
  }[] = [];
  // 20 failures in each year 2019-2024, reason, cause and outcome cycling.
  for (let index = 0; index < 120; index++) {
    const year = 2019 + Math.floor(index / 20);
    const failedAt = new Date(Date.UTC(year, index % 12, 1 + (index % 27), 9, index % 60));
    const outcome = OUTCOMES[index % OUTCOMES.length]!;
    rows.push({
      id: `f-${String(index).padStart(4, "0")}`,
      failedAt,
      reason: REASONS[index % REASONS.length]!,
      cause: CAUSES[index % CAUSES.length]!,
      outcome,
      incidentId: null,
      scope: "individual",
      index,
    });
  }
  // Six fresh failures of the incident, since yesterday's check.
  for (let index = 120; index < 126; index++) {
    rows.push({
      id: `f-${String(index).padStart(4, "0")}`,
      failedAt: new Date(now.getTime() - (index - 119) * 3_600_000),
      reason: "systemerror",
      cause: "gateway-cannot-return",
      outcome: "untriaged",
      incidentId: incident.id,
      scope: "systemic",
      index,
    });
  }
  for (const row of rows) {
    await db.$executeRawUnsafe(
      `INSERT INTO "RawMessage" (id, sha256, size, encrypted, state, "receivedAt", source, kind)
       VALUES ($1, md5($1), 10, '\\x00'::bytea, 'parsed', $2::timestamp, 'live', 'bounce')`,
      `m-${row.id}`,
      row.failedAt.toISOString(),
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "Failure" (id, "rawMessageId", "recipientIndex", reason, cause, status, "replyCode",
         "diagnosticMasked", "reportingMta", "remoteMta", scope, outcome, recipient, "recipientDomain",
         "originalSender", "subjectMasked", "originalMessageId", "failedAt", "originalDate", responsible,
         "incidentId", "updatedAt")
       VALUES ($1, $2, 0, $3, $4, '5.7.1', '550', '550 5.7.1 Message blocked by DLP policy: 0102XX-XXXX',
         'mx.kommune.example', 'mx.politi.example', $5::"Scope", $6::"TriageOutcome", $7, 'politi.example',
         $8, $9, $10, $11::timestamp, $11::timestamp, 'sender', $12, now())`,
      row.id,
      `m-${row.id}`,
      row.reason,
      row.cause,
      row.scope,
      row.outcome, // the database's enum labels are the API's names (Prisma maps them)
      `modtager${row.index}@politi.example`,
      `sagsbehandler${row.index % 5}@kommune.example`,
      `Sag om 0102XX-XXXX nr. ${row.index}`,
      `<orig-${row.index}@kommune.example>`,
      row.failedAt.toISOString(),
      row.incidentId,
    );
    failures.push({
      id: row.id,
      year: row.failedAt.getUTCFullYear(),
      reason: row.reason,
      cause: row.cause,
      outcome: row.outcome,
      fresh: row.incidentId !== null,
    });
  }
  // A notice whose delivery failed: the morning view lists it for a person to handle.
  await db.notice.create({
    data: {
      rawMessageId: "m-f-0120",
      recipient: "sagsbehandler0@kommune.example",
      recipientRole: "sender",
      template: "failure",
      status: "failed",
      attempts: 5,
      lastError: "550 5.1.1 mailbox unavailable",
      failureIds: ["f-0120"],
    },
  });
  const quarantined = await db.rawMessage.create({
    data: {
      sha256: "quarantined-1",
      size: 42,
      encrypted: new Uint8Array([0]),
      state: "quarantined",
      quarantineReason: "parse error: no delivery-status part",
      receivedAt: new Date(now.getTime() - 2 * 3_600_000),
    },
  });
  // The canary: one probe that came back, one whose report is missing, and the alarm it raised.
  await db.canaryRun.create({
    data: {
      probeId: "probe-ok",
      sentAt: new Date(now.getTime() - 2 * 3_600_000),
      returnedAt: new Date(now.getTime() - 2 * 3_600_000 + 41_000),
      status: "returned",
    },
  });
  await db.canaryRun.create({
    data: { probeId: "probe-missing", sentAt: new Date(now.getTime() - 3_600_000), status: "missing" },
  });
  await db.alarm.create({
    data: {
      key: "canary",
      kind: "canary",
      message: "the probe's report did not come back within 30 minutes",
      firedAt: new Date(now.getTime() - 1_800_000),
      lastNotifiedAt: new Date(now.getTime() - 1_800_000),
    },
  });
  const yesterday = new Date(now.getTime() - 26 * 3_600_000);
  await db.dailyCheck.create({
    data: { day: yesterday, checkedBy: "test admin", note: "Alt gennemgået", createdAt: yesterday },
  });
  return { failures, incidentId: incident.id, quarantinedId: quarantined.id };
}
