// No-leak proof: `safetynet start` (poller, worker, API in one child process) against the real
// Dovecot, a loopback SMTP listener and a supplier's loopback webhook receiver, fed NDRs with CPR
// numbers in subjects, diagnostic texts and bodies. Afterwards every log line, every Redis key and
// value under the test prefix, every API response, every captured notice and webhook body and every
// column of every table (but the encrypted raw store) is scanned: zero full CPR numbers, found by
// packages/cpr's detector and by the literal numbers planted.
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { makeDsn } from "@safetynet/classifier/test-support";
import { find } from "@safetynet/cpr";
import {
  apiUrlIn,
  appendToInbox,
  createDovecotUser,
  type HttpReceiver,
  type SmtpListener,
  spawnSafetynet,
  startHttpReceiver,
  startSmtpListener,
  until,
  writeSuppliersFile,
} from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ADMIN_TOKEN = "no-leak-test-admin-token-42";
// Synthetic numbers (valid dates; the detector flags them), one per place a number hides.
const SUBJECT_CPR = ["150385-1234", "020790-4321", "311299-2468"];
const DIAGNOSTIC_CPR = "241166-1357";
const BODY_CPR = "070707-7070";
const PLANTED = [...SUBJECT_CPR, DIAGNOSTIC_CPR, BODY_CPR];

/** Full CPR numbers in a text: the detector's matches and any planted number, with or without its dash. */
function leaks(text: string): string[] {
  const found = find(text).map((match) => `detector: ${match.masked}`);
  for (const cpr of PLANTED) {
    if (text.includes(cpr) || text.includes(cpr.replace("-", ""))) found.push(`planted ${cpr.slice(0, 4)}XX-XXXX`);
  }
  return found;
}

function withBody(dsn: string, line: string): Buffer {
  return Buffer.from(
    dsn.replace("be delivered to one or more recipients.", `be delivered to one or more recipients.\r\n${line}`),
  );
}

/** Polls the real services every 200 ms, for 45,000 ms unless told otherwise. */
const waitUntil = <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 45_000) =>
  until(what, probe, ms, 200);

/** The NDRs: individual CPR-in-subject bounces, and a supplier gateway's outage (a systemic incident). */
function ndrs(now: number): Buffer[] {
  const individual = SUBJECT_CPR.map((cpr, n) =>
    withBody(
      makeDsn({
        id: `leak-cpr-${n}`,
        date: new Date(now - (10 - n) * 1000),
        from: `sagsbehandler${n}@kommune.example`,
        to: `borger${n}@modtager.example`,
        subject: `Sag vedr. ${cpr} underretning`,
        status: "5.7.1",
        diagnostic: `550 5.7.1 Message rejected by DLP policy: CPR ${DIAGNOSTIC_CPR} in subject`,
        reportingMta: "dlp.kommune.example",
        remoteMta: null,
      }),
      `Sagen gaelder CPR-nr. ${BODY_CPR} (kopi af den oprindelige tekst).`,
    ),
  );
  const outage = [0, 1, 2, 3].map((n) =>
    withBody(
      makeDsn({
        id: `leak-gw-${n}`,
        date: new Date(now - (5 - n) * 1000),
        from: `medarbejder${n}@kommune.example`,
        to: `borger${n}@extern${n}.example`,
        subject: `Sikker post om ${SUBJECT_CPR[n % SUBJECT_CPR.length]}`,
        status: "4.4.1",
        diagnostic: `delivery temporarily suspended: connect to gw1.sikkermail.example[10.0.0.${n}]:25: Connection timed out (ref ${DIAGNOSTIC_CPR})`,
        reportingMta: "relay1.kommune.example",
        remoteMta: "gw1.sikkermail.example",
      }),
      `Borgerens CPR ${BODY_CPR} stod i brevet.`,
    ),
  );
  const notABounce = Buffer.from(
    `From: borger@extern.example\r\nTo: sikkerhedsnet@kommune.example\r\nSubject: Mit CPR er ${SUBJECT_CPR[0]}\r\nDate: ${new Date(now).toUTCString()}\r\nMessage-ID: <leak-plain@extern.example>\r\n\r\nHej, mit CPR-nummer er ${BODY_CPR}.\r\n`,
  );
  const garbage = Buffer.concat([Buffer.from(`\x00\x01${BODY_CPR}\xff\xfe`, "latin1"), Buffer.alloc(64, 0xff)]);
  return [...individual, ...outage, notABounce, garbage];
}

describe("no CPR number leaves the encrypted raw store", () => {
  const services = useTestServices();
  let smtp: SmtpListener;
  let supplier: HttpReceiver;
  let child: ChildProcess;
  let dir: string;
  let output: () => string = () => "";
  let apiUrl = "";
  const responses: { path: string; body: string }[] = [];

  async function get(route: string, accept = "application/json"): Promise<string> {
    const response = await fetch(`${apiUrl}${route}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept },
    });
    const body = await response.text();
    expect(response.status, `${route}: ${body}`).toBe(200);
    responses.push({ path: route, body });
    return body;
  }

  beforeAll(async () => {
    smtp = await startSmtpListener();
    supplier = await startHttpReceiver();
    dir = await mkdtemp(path.join(os.tmpdir(), "safetynet-no-leak-"));
    const suppliersFile = await writeSuppliersFile(dir, {
      url: `${supplier.url}/sikkermail`,
      secret: `whsec_${Buffer.from("no-leak-webhook-secret-32-bytes!").toString("base64")}`,
    });
    const user = createDovecotUser();
    ({ child, output } = spawnSafetynet(
      ["start"],
      {
        DATABASE_URL: services.database.url,
        REDIS_URL: services.redis.url,
        REDIS_PREFIX: services.redis.prefix,
        SAFETYNET_KEY: Buffer.alloc(32, 6).toString("base64"),
        IMAP_URL: user.url,
        SMTP_URL: smtp.url,
        NOTICE_FROM: "sikkerhedsnet@kommune.example",
        INTERNAL_DOMAINS: "kommune.example",
        TEAM_MAILBOX: "it-sikkerhed@kommune.example",
        SUPPLIERS_FILE: suppliersFile,
        WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
        INCIDENT_GROUP_WAIT_SECONDS: "0",
        LOG_LEVEL: "debug", // the most a log says
        API_PORT: "0",
        ADMIN_TOKEN,
      },
      { cwd: dir },
    ));
    apiUrl = await waitUntil("the API", async () => apiUrlIn(output()));
    await appendToInbox(user, ndrs(Date.now()));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await smtp.close();
    await supplier.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("the planted numbers are visible to the scanner in what went in (so a leak would be seen)", () => {
    const input = ndrs(Date.now())
      .map((message) => message.toString("latin1"))
      .join("\n");
    for (const cpr of PLANTED) expect(leaks(input)).toContain(`planted ${cpr.slice(0, 4)}XX-XXXX`);
    expect(find(input).length).toBeGreaterThan(0);
  });

  it("runs the whole path: stored, classified, notices sent, the supplier told", async () => {
    const db = services.database.db;
    await waitUntil("every message stored and handled", async () => {
      const rows = await db.rawMessage.findMany({ select: { state: true } });
      return rows.length === 9 && rows.every((row) => row.state !== "stored");
    });
    // One notice per internal sender (3 individual + 4 outage senders).
    await smtp.waitForMessages(7, 45_000);
    await supplier.waitForRequests(1, 45_000);
    // The outage was pinned on the supplier (its gateway was the failed hop), so it was told.
    expect(await db.incident.count({ where: { supplierId: "sikkermail" } })).toBe(1);
    expect(await db.failure.count()).toBe(7);
    expect(await db.incident.count({ where: { scope: "systemic" } })).toBeGreaterThan(0);
  });

  it("no full CPR number in any API response", async () => {
    const failures = JSON.parse(await get("/api/failures")) as { items: { id: string }[]; total: number };
    expect(failures.total).toBe(7);
    for (const item of failures.items) await get(`/api/failures/${item.id}`);
    const incidents = JSON.parse(await get("/api/incidents")) as { items: { id: string }[] };
    expect(incidents.items.length).toBeGreaterThan(0);
    for (const item of incidents.items) await get(`/api/incidents/${item.id}`);
    const quarantine = JSON.parse(await get("/api/quarantine")) as { items: { id: string }[] };
    for (const item of quarantine.items) await get(`/api/quarantine/${item.id}`);
    for (const report of ["yearly", "outcomes", "cause", "responsible", "department", "recipient-domain", "serious"]) {
      await get(`/api/reports/${report}`);
      await get(`/api/reports/${report}?format=csv`, "text/csv");
    }
    for (const route of ["/api/notices", "/api/webhook-deliveries", "/api/audit", "/api/alarms", "/api/mailboxes"]) {
      await get(route);
    }
    // The subjects show, masked.
    expect(responses.some((response) => response.body.includes("XX-XXXX"))).toBe(true);
    const found = responses.flatMap((response) => leaks(response.body).map((leak) => `${response.path}: ${leak}`));
    expect(found).toEqual([]);
  });

  it("no full CPR number in any captured notice or webhook request", async () => {
    expect(smtp.messages.length).toBeGreaterThanOrEqual(7);
    const found: string[] = [];
    for (const mail of smtp.messages) {
      const parsed = await mail.parse();
      const text = `${mail.raw.toString("latin1")}\n${parsed.subject}\n${parsed.text}\n${parsed.html || ""}`;
      found.push(...leaks(text).map((leak) => `notice to ${mail.to}: ${leak}`));
    }
    expect(supplier.requests.length).toBeGreaterThan(0);
    for (const request of supplier.requests) {
      found.push(...leaks(`${JSON.stringify(request.headers)}\n${request.body}`).map((leak) => `webhook: ${leak}`));
    }
    expect(found).toEqual([]);
  });

  it("no full CPR number in any Redis key or value under the prefix", async () => {
    const redis = services.redis.connection();
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", `${services.redis.prefix}*`, "COUNT", 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    expect(keys.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === "string"
          ? await redis.get(key)
          : type === "hash"
            ? await redis.hgetall(key)
            : type === "list"
              ? await redis.lrange(key, 0, -1)
              : type === "set"
                ? await redis.smembers(key)
                : type === "zset"
                  ? await redis.zrange(key, 0, -1, "WITHSCORES")
                  : type === "stream"
                    ? await redis.xrange(key, "-", "+")
                    : null;
      found.push(...leaks(`${key}\n${JSON.stringify(value)}`).map((leak) => `${key}: ${leak}`));
    }
    expect(found).toEqual([]);
  });

  it("no full CPR number in any column of any table but the encrypted raw store", async () => {
    const client = new pg.Client({ connectionString: services.database.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      expect(tables.rows.length).toBeGreaterThan(20);
      const found: string[] = [];
      let masked = 0;
      for (const { table_name: table } of tables.rows) {
        const rows = await client.query<{ row: unknown }>(
          `SELECT to_jsonb(t) - 'encrypted' AS row FROM "${table.replaceAll('"', '""')}" t`,
        );
        for (const { row } of rows.rows) {
          const text = JSON.stringify(row);
          if (text.includes("XX-XXXX")) masked++;
          found.push(...leaks(text).map((leak) => `${table}: ${leak}`));
        }
      }
      expect(masked).toBeGreaterThan(0);
      expect(found).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("no full CPR number in any log line (at debug level), through a clean stop", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const lines = output().split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    const found = lines.flatMap((line, n) => leaks(line).map((leak) => `line ${n + 1}: ${leak}`));
    expect(found).toEqual([]);
  });
});
