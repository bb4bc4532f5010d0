// Bad input through the whole running service: `safetynet start` (poller, worker, API in one child
// process) against the project Dovecot and a loopback SMTP listener, fed the parser's fuzz corpus
// (its generator with a fixed seed), garbage bytes, a 50 MB DSN and a DSN with 10,000 failed
// recipients, between ordinary NDRs. Every message must be stored once and reach a final state;
// what cannot be read is in GET /api/quarantine with its reason; the 10,000-recipient DSN is valid
// and becomes 10,000 failures and one notice; the NDRs after the bad ones still get their notices.
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { makeDsn } from "@safetynet/classifier/test-support";
import { quarantineReason } from "@safetynet/core";
import { NdrInputError, parseMessage } from "@safetynet/ndr";
import { fuzzCorpus } from "@safetynet/ndr/fuzz";
import {
  apiUrlIn,
  appendToInbox,
  createDovecotUser,
  REPO_ROOT,
  type SmtpListener,
  spawnSafetynet,
  startSmtpListener,
  until,
} from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ADMIN_TOKEN = "bad-input-test-admin-token-42";
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024; // the shipped default, which the child runs with
const SEED = 19; // issue 19; the same seed gives the same corpus on every run
const FIXTURES = path.join(REPO_ROOT, "packages/ndr/fixtures");
const WAIT_MS = 180_000; // a 50 MB APPEND and 10,000 failures on a loaded 2-core machine

interface Input {
  name: string;
  bytes: Buffer;
  /** What the product's own rules say must become of it: quarantined (and why), or parsed. */
  expected: { state: "quarantined"; reason: RegExp } | { state: "parsed" };
}

/** Polls the real services every 250 ms, for WAIT_MS unless told otherwise. */
const waitUntil = <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = WAIT_MS) =>
  until(what, probe, ms, 250);

/** The content as the server will hand it back: lines end in CRLF. */
const contentKey = (bytes: Buffer) =>
  createHash("sha256").update(bytes.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1").digest("hex");

function ordinaryNdr(id: string, sender: string): Buffer {
  return Buffer.from(
    makeDsn({
      id,
      date: new Date(),
      from: sender,
      to: `modtager-${id}@extern.example`,
      subject: `Sag ${id}`,
      status: "5.1.1",
      diagnostic: "550 5.1.1 <modtager@extern.example>: Recipient address rejected: User unknown",
    }),
  );
}

/** A valid DSN made 50 MB by its human-readable part (a mail server that quotes a huge original). */
function fiftyMegabyteDsn(): Buffer {
  const dsn = ordinaryNdr("huge", "stor@kommune.example").toString("latin1");
  const filler = `${"x".repeat(76)}\r\n`.repeat(Math.ceil((50 * 1024 * 1024) / 78));
  return Buffer.from(dsn.replace("be delivered to one or more recipients.", `$&\r\n${filler}`), "latin1");
}

function tenThousandRecipientDsn(sender: string): Buffer {
  return Buffer.from(
    makeDsn({
      id: "mass",
      date: new Date(),
      from: sender,
      to: "modtager0@liste.example",
      moreRecipients: Array.from({ length: 9_999 }, (_, n) => `modtager${n + 1}@liste.example`),
      subject: "Nyhedsbrev til alle",
      status: "5.1.1",
      diagnostic: "550 5.1.1 Recipient address rejected: User unknown",
    }),
  );
}

/** The outcome the product's pure rules give: the poller's quarantine decision, then the parser. */
function expectedOf(bytes: Buffer): Input["expected"] {
  const atStore = quarantineReason({ size: bytes.length, head: bytes.subarray(0, 512), maxBytes: MAX_MESSAGE_BYTES });
  if (atStore)
    return { state: "quarantined", reason: new RegExp(`^${atStore.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) };
  try {
    // A message with no report in it waits in quarantine for staff (it may be an unknown format).
    if (parseMessage(bytes).kind === "not-bounce") return { state: "quarantined", reason: /^not a delivery report/ };
    return { state: "parsed" };
  } catch (error) {
    if (error instanceof NdrInputError) return { state: "quarantined", reason: /^cannot parse: ./ };
    throw error;
  }
}

function inputs(): { all: Input[]; before: string[]; after: string[]; massSender: string } {
  const fixtures = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => readFileSync(path.join(FIXTURES, name)));
  const before = [0, 1, 2].map((n) => `foer${n}@kommune.example`);
  const after = [0, 1, 2].map((n) => `efter${n}@kommune.example`);
  const massSender = "masseudsendelse@kommune.example";
  const corpus = fuzzCorpus({ seed: SEED, perShape: 20, fixtures });
  const half = Math.floor(corpus.length / 2);
  const named = [
    ...before.map((sender, n) => ({ name: `ordinary before #${n}`, bytes: ordinaryNdr(`before${n}`, sender) })),
    ...corpus.slice(0, half).map((message) => ({ name: `fuzz: ${message.name}`, bytes: message.bytes })),
    { name: "garbage bytes", bytes: Buffer.concat([Buffer.from([0, 0xff, 0xfe, 0x1b]), Buffer.alloc(8192, 0xa5)]) },
    { name: "50 MB DSN", bytes: fiftyMegabyteDsn() },
    { name: "10,000-recipient DSN", bytes: tenThousandRecipientDsn(massSender) },
    ...corpus.slice(half).map((message) => ({ name: `fuzz: ${message.name}`, bytes: message.bytes })),
    ...after.map((sender, n) => ({ name: `ordinary after #${n}`, bytes: ordinaryNdr(`after${n}`, sender) })),
  ];
  // The store keeps one row per distinct content (its sha256 is the idempotency key), so a repeat
  // of the same content (the generator can cut two fixtures to nothing) would be one message, not two.
  const seen = new Set<string>();
  const all = named
    .filter((input) => !seen.has(contentKey(input.bytes)) && seen.add(contentKey(input.bytes)))
    .map((input) => ({ ...input, expected: expectedOf(input.bytes) }));
  return { all, before, after, massSender };
}

function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

describe("bad input through safetynet start: quarantined and visible, none lost, the pipeline flows", () => {
  const services = useTestServices();
  const { all, before, after, massSender } = inputs();
  let smtp: SmtpListener;
  let child: ChildProcess;
  let output: () => string = () => "";
  let apiUrl = "";

  async function get<T>(route: string): Promise<T> {
    const response = await fetch(`${apiUrl}${route}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const body = await response.text();
    expect(response.status, `${route}: ${body.slice(0, 300)}`).toBe(200);
    return JSON.parse(body) as T;
  }

  const noticesTo = (address: string) => smtp.messages.filter((mail) => mail.to.includes(address)).length;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    const user = createDovecotUser();
    ({ child, output } = spawnSafetynet(["start"], {
      DATABASE_URL: services.database.url,
      REDIS_URL: services.redis.url,
      REDIS_PREFIX: services.redis.prefix,
      SAFETYNET_KEY: Buffer.alloc(32, 7).toString("base64"),
      IMAP_URL: user.url,
      SMTP_URL: smtp.url,
      NOTICE_FROM: "sikkerhedsnet@kommune.example",
      INTERNAL_DOMAINS: "kommune.example",
      TEAM_MAILBOX: "it-sikkerhed@kommune.example",
      LOG_LEVEL: "info",
      API_PORT: "0",
      ADMIN_TOKEN,
    }));
    apiUrl = await waitUntil("the API", async () => apiUrlIn(output()));
    await appendToInbox(
      user,
      all.map((input) => input.bytes),
    );
  }, WAIT_MS);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await smtp?.close();
  });

  it("feeds what it means to: fuzz inputs the parser rejects, garbage, 50 MB, 10,000 recipients", () => {
    const quarantined = all.filter((input) => input.expected.state === "quarantined").map((input) => input.name);
    expect(quarantined).toEqual(expect.arrayContaining(["garbage bytes", "50 MB DSN"]));
    expect(quarantined.filter((name) => name.startsWith("fuzz: ")).length).toBeGreaterThan(5);
    expect(all.filter((input) => input.name.startsWith("fuzz: ")).length).toBeGreaterThan(50);
    expect(all.find((input) => input.name === "50 MB DSN")!.bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(all.find((input) => input.name === "10,000-recipient DSN")!.expected).toEqual({ state: "parsed" });
  });

  it("stores the 50 MB message and quarantines it as oversized, within bounded memory", async () => {
    const huge = all.find((input) => input.name === "50 MB DSN")!;
    const row = await waitUntil("the 50 MB message stored", () =>
      services.database.db.rawMessage.findFirst({
        where: { size: { gt: 50 * 1024 * 1024 } },
        select: { state: true, quarantineReason: true, size: true },
      }),
    );
    const peak = peakRssMiB(child.pid!);
    console.log(`safetynet start peak RSS (VmHWM) after the 50 MB message was stored: ${peak} MiB`);
    expect(row).toEqual({
      state: "quarantined",
      quarantineReason: `oversized: ${huge.bytes.length} bytes > limit ${MAX_MESSAGE_BYTES}`,
      size: huge.bytes.length,
    });
    expect(child.exitCode).toBeNull();
  });

  it("stores every message once and brings each to a final state (none lost, none stuck)", async () => {
    const db = services.database.db;
    await waitUntil("every message stored and handled", async () => {
      const [stored, open] = await Promise.all([
        db.rawMessage.count(),
        db.rawMessage.count({ where: { state: "stored" } }),
      ]);
      return stored >= all.length && open === 0;
    });
    // The server hands messages back as it stores them (bare LF becomes CRLF), so the bytes and
    // their hash can differ from what went in; the mailbox's UIDs keep the order they went in.
    const rows = await db.rawMessage.findMany({
      orderBy: { uid: "asc" },
      select: { uid: true, size: true, state: true, quarantineReason: true },
    });
    expect(rows).toHaveLength(all.length);
    const wrong = all.flatMap((input, n) => {
      const row = rows[n]!;
      const expected = input.expected;
      if (row.state !== expected.state)
        return [`${input.name} (uid ${row.uid}): ${row.state}, expected ${expected.state}`];
      if (expected.state === "quarantined" && !expected.reason.test(row.quarantineReason ?? "")) {
        return [`${input.name}: reason "${row.quarantineReason}" does not match ${expected.reason}`];
      }
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it("lists every quarantined message in GET /api/quarantine with its reason", async () => {
    type Page = { items: { id: string; error: string; size: number }[]; total: number; nextCursor: string | null };
    const items: Page["items"] = [];
    let page = await get<Page>("/api/quarantine?limit=50");
    items.push(...page.items);
    while (page.nextCursor) {
      page = await get<Page>(`/api/quarantine?limit=50&cursor=${encodeURIComponent(page.nextCursor)}`);
      items.push(...page.items);
    }
    const expected = all.filter((input) => input.expected.state === "quarantined");
    expect(page.total).toBe(expected.length);
    expect(items).toHaveLength(expected.length);
    expect(items.filter((item) => !item.error.trim())).toEqual([]);
    const reasons = items.map((item) => item.error);
    expect(reasons).toContain("unreadable: does not start with a header field");
    expect(reasons.some((reason) => /^oversized: \d+ bytes > limit 26214400$/.test(reason))).toBe(true);
    // Each quarantined input is there by its size and reason (both as the store recorded them).
    const rows = await services.database.db.rawMessage.findMany({
      where: { state: "quarantined" },
      select: { id: true, quarantineReason: true, size: true },
    });
    expect(items.map((item) => item.id).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("makes the 10,000-recipient DSN 10,000 failures and one notice, not a quarantine", async () => {
    const failures = await waitUntil("10,000 failures of the mass mailing", async () => {
      const page = await get<{ total: number }>(`/api/failures?q=${encodeURIComponent("Nyhedsbrev til alle")}&limit=1`);
      return page.total === 10_000 && page;
    });
    expect(failures.total).toBe(10_000);
    await waitUntil("the mass mailing's notice", async () => noticesTo(massSender) > 0);
  });

  it("still tells the senders of the NDRs that came after the bad input (the pipeline kept flowing)", async () => {
    await waitUntil("notices to every ordinary sender", async () =>
      [...before, ...after].every((sender) => noticesTo(sender) > 0),
    );
    for (const sender of [...before, ...after]) expect(noticesTo(sender), sender).toBe(1);
    const page = await get<{ total: number }>("/api/failures?q=Sag%20after&limit=1");
    expect(page.total).toBe(after.length);
    // Closed by the notices' own record: the mass mailing's sender was told once, not once per
    // recipient, and its notice (10,000 failures) is recorded as sent before the process is stopped.
    const known = [...before, ...after, massSender];
    const notices = await waitUntil("the known senders' notices recorded as sent", async () => {
      const rows = await services.database.db.notice.findMany({
        where: { recipient: { in: known } },
        select: { status: true, recipient: true },
      });
      return rows.length === known.length && rows.every((row) => row.status === "sent") && rows;
    });
    expect(notices.map((row) => row.recipient).sort()).toEqual([...known].sort());
    expect(noticesTo(massSender)).toBe(1);
    const peak = peakRssMiB(child.pid!);
    console.log(`safetynet start peak RSS (VmHWM) at the end of the run: ${peak} MiB`);
    expect(child.exitCode).toBeNull();
  });

  it("stops cleanly on SIGTERM after all of it", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).not.toMatch(/heap out of memory|FATAL ERROR|unhandled/i);
  });
});
