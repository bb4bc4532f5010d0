// What a reliability run must end with, read from the database, the SMTP listener's captures and
// the supplier receiver's requests: every message stored once and parsed, every failure classified
// once, every sender told (a second copy only where the database recorded a possible repeat from
// the DATA window), every supplier event delivered with a valid signature and no gap in any
// incident's lifecycle. Returns the figures and a list of problems (empty: all held).
import { DEFAULT_GROUP_SETTINGS } from "@safetynet/classifier";
import type { CapturedMail, RecordedRequest } from "@safetynet/testing";
import type pg from "pg";
import { Webhook } from "standardwebhooks";
import type { PlannedNdr } from "./reliability-ndrs.js";

export interface OutcomeFigures {
  delivered: number;
  stored: number;
  parsed: number;
  failures: number;
  notices: { senders: number; told: number; missing: number; copies: number; extraCopies: number };
  /** Extra copies the database recorded as possible repeats (a crash inside SMTP DATA). */
  possibleDuplicatesRecorded: number;
  webhooks: { events: number; received: number; requests: number; redelivered: number; incidents: number };
}

export interface Outcome {
  figures: OutcomeFigures;
  problems: string[];
}

const count = (rows: { n: string | number }[]) => Number(rows[0]?.n ?? 0);

function sample(items: string[], max = 5): string {
  return items.length > max ? `${items.slice(0, max).join(", ")} ... (${items.length})` : items.join(", ");
}

async function auditMessages(sql: pg.ClientBase, delivered: number, problems: string[]) {
  const { rows } = await sql.query(
    `SELECT count(*) AS n, count(DISTINCT "messageIdHeader") AS distinct_ids,
            count(*) FILTER (WHERE state = 'parsed') AS parsed FROM "RawMessage"`,
  );
  const stored = Number(rows[0].n);
  const parsed = Number(rows[0].parsed);
  if (stored !== delivered) problems.push(`stored ${stored} messages, ${delivered} delivered`);
  if (Number(rows[0].distinct_ids) !== stored) problems.push(`a message stored twice (${rows[0].distinct_ids} ids)`);
  if (parsed !== delivered) problems.push(`${parsed} of ${delivered} messages parsed`);
  const failures = await sql.query(
    `SELECT count(*) AS n, count(DISTINCT ("rawMessageId", "recipientIndex")) AS distinct_failures FROM "Failure"`,
  );
  const failureCount = count(failures.rows);
  if (failureCount !== delivered) problems.push(`${failureCount} failure rows for ${delivered} one-recipient NDRs`);
  if (Number(failures.rows[0].distinct_failures) !== failureCount) problems.push("a failure classified twice");
  return { stored, parsed, failures: failureCount };
}

async function auditNotices(sql: pg.ClientBase, planned: PlannedNdr[], captures: CapturedMail[], problems: string[]) {
  const copies = new Map<string, number>();
  for (const mail of captures) for (const to of mail.to) copies.set(to, (copies.get(to) ?? 0) + 1);
  const senders = planned.map((ndr) => ndr.sender);
  const missing = senders.filter((sender) => !copies.get(sender));
  if (missing.length) problems.push(`${missing.length} senders never told: ${sample(missing)}`);
  const { rows } = await sql.query<{ recipient: string; status: string; possible: number }>(
    `SELECT recipient, status, "possibleDuplicates" AS possible FROM "Notice"`,
  );
  const recorded = new Map<string, number>();
  for (const row of rows) recorded.set(row.recipient, (recorded.get(row.recipient) ?? 0) + row.possible);
  const unsettled = rows.filter((row) => row.status !== "sent");
  if (unsettled.length)
    problems.push(
      `${unsettled.length} notices not sent: ${sample(unsettled.map((r) => `${r.recipient} ${r.status}`))}`,
    );
  if (rows.length !== senders.length) problems.push(`${rows.length} notice rows for ${senders.length} senders`);
  let extraCopies = 0;
  const unexplained: string[] = [];
  for (const sender of senders) {
    const extra = Math.max((copies.get(sender) ?? 0) - 1, 0);
    extraCopies += extra;
    if (extra > (recorded.get(sender) ?? 0)) unexplained.push(`${sender} x${extra + 1}`);
  }
  if (unexplained.length) problems.push(`told twice outside the DATA window: ${sample(unexplained)}`);
  return {
    notices: {
      senders: senders.length,
      told: senders.length - missing.length,
      missing: missing.length,
      copies: senders.reduce((sum, sender) => sum + (copies.get(sender) ?? 0), 0),
      extraCopies,
    },
    possibleDuplicatesRecorded: [...recorded.values()].reduce((sum, n) => sum + n, 0),
  };
}

interface IncidentRow {
  id: string;
  status: string;
  failure_count: number;
  announced: boolean;
}

interface EventBody {
  id: string;
  type: string;
  data: { incident: { id: string }; milestone?: number };
}

/**
 * The supplier's check, as at the moment the request arrived (the audit may run minutes later):
 * a valid Standard Webhooks signature of id, timestamp and body, a timestamp within the reference
 * library's 5 minutes of the arrival, and the same id in the header and the body.
 */
function verifiedAtReceipt(request: RecordedRequest, secret: string): EventBody | null {
  const id = String(request.headers["webhook-id"] ?? "");
  const timestamp = Number(request.headers["webhook-timestamp"]);
  const signatures = String(request.headers["webhook-signature"] ?? "").split(" ");
  if (!id || !Number.isFinite(timestamp)) return null;
  if (Math.abs(request.receivedAt.getTime() - timestamp * 1000) > 5 * 60_000) return null;
  const expected = new Webhook(secret).sign(id, new Date(timestamp * 1000), request.body);
  if (!signatures.includes(expected)) return null;
  const body = JSON.parse(request.body) as EventBody;
  return body.id === id ? body : null;
}

async function auditWebhooks(
  sql: pg.ClientBase,
  outages: number,
  requests: RecordedRequest[],
  secret: string,
  problems: string[],
) {
  const received = new Map<string, { type: string; sequence: number | null; incidentId: string }>();
  let invalid = 0;
  for (const request of requests) {
    const body = verifiedAtReceipt(request, secret);
    if (!body) invalid += 1;
    else
      received.set(body.id, {
        type: body.type,
        sequence: body.data.milestone ?? null,
        incidentId: body.data.incident.id,
      });
  }
  if (invalid) problems.push(`${invalid} webhook requests failed the signature check`);
  const events = await sql.query<{ source_key: string; id: string | null }>(
    `SELECT e."incidentId" || '/' || e.event || '/' || e.sequence AS source_key, m.id
       FROM "IncidentEvent" e JOIN "Incident" i ON i.id = e."incidentId"
       LEFT JOIN "WebhookMessage" m ON m."sourceKey" = e."incidentId" || '/' || e.event || '/' || e.sequence
      WHERE i."supplierId" IS NOT NULL OR i.responsible LIKE 'supplier:%'`,
  );
  const noMessage = events.rows.filter((row) => !row.id).map((row) => row.source_key);
  if (noMessage.length) problems.push(`incident events never made a webhook message: ${sample(noMessage)}`);
  const notReceived = events.rows.filter((row) => row.id && !received.has(row.id)).map((row) => row.source_key);
  if (notReceived.length) problems.push(`webhook events never received: ${sample(notReceived)}`);
  const incidents = await sql.query<IncidentRow>(
    `SELECT id, status, "failureCount" AS failure_count, announced FROM "Incident"
      WHERE scope = 'systemic' AND "supplierId" IS NOT NULL`,
  );
  if (incidents.rows.length < outages)
    problems.push(`${incidents.rows.length} systemic supplier incidents for ${outages} outages`);
  // No gap in any incident's lifecycle: opened, an update at each milestone it reached, resolved.
  for (const incident of incidents.rows) {
    const own = [...received.values()].filter((event) => event.incidentId === incident.id);
    const has = (type: string, sequence: number | null = null) =>
      own.some((event) => event.type === type && (sequence === null || event.sequence === sequence));
    const gaps: string[] = [];
    if (!has("incident.opened")) gaps.push("opened");
    for (const mark of DEFAULT_GROUP_SETTINGS.updateMilestones.filter((m) => m <= incident.failure_count))
      if (!has("incident.updated", mark)) gaps.push(`updated@${mark}`);
    if (incident.status !== "resolved") gaps.push(`still ${incident.status}`);
    else if (!has("incident.resolved")) gaps.push("resolved");
    if (gaps.length) problems.push(`incident ${incident.id} (${incident.failure_count} failures) misses ${gaps}`);
  }
  const pending = await sql.query(`SELECT count(*) AS n FROM "WebhookDispatch" WHERE status <> 'succeeded'`);
  if (count(pending.rows)) problems.push(`${count(pending.rows)} webhook dispatches not succeeded`);
  return {
    webhooks: {
      events: events.rows.length,
      received: events.rows.filter((row) => row.id && received.has(row.id)).length,
      requests: requests.length,
      redelivered: requests.length - received.size - invalid,
      incidents: incidents.rows.length,
    },
  };
}

export async function auditOutcome(
  sql: pg.ClientBase,
  planned: PlannedNdr[],
  captures: CapturedMail[],
  requests: RecordedRequest[],
  secret: string,
): Promise<Outcome> {
  const problems: string[] = [];
  const outages = new Set(planned.flatMap((ndr) => (ndr.outage === null ? [] : [ndr.outage]))).size;
  const messages = await auditMessages(sql, planned.length, problems);
  const notices = await auditNotices(sql, planned, captures, problems);
  const webhooks = await auditWebhooks(sql, outages, requests, secret, problems);
  return { figures: { delivered: planned.length, ...messages, ...notices, ...webhooks }, problems };
}
