import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRawMessageCipher, createUtcSqlPool, type UtcSqlPool } from "@safetynet/db";
import { createQueue } from "@safetynet/queue";
import { createDovecotUser, waitForDovecotLogin } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import type { Queue } from "bullmq";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestor } from "../create-ingestor.js";
import { createProgressReporter } from "./progress-reporter.js";
import { runImport } from "./run-import.js";

const KEY = Buffer.alloc(32, 5).toString("base64");
const services = useTestServices();
let queue: Queue;
let sql: UtcSqlPool;
let dir: string;

function message(i: number, extra = ""): string {
  return `From: MAILER-DAEMON@mx.example\r\nTo: a@kommune.example\r\nSubject: Undeliverable ${i}\r\nMessage-ID: <imp-${i}@mx.example>\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n\r\nbody ${i}\r\n${extra}`;
}

beforeAll(async () => {
  sql = createUtcSqlPool(services.database.url);
  queue = createQueue("ingest", { connection: services.redis.connection(), prefix: services.redis.prefix });
  dir = mkdtempSync(path.join(os.tmpdir(), "sn-import-"));
  // An mbox with mboxrd quoting, and a Maildir with cur/ and new/.
  const mbox = [1, 2, 3]
    .map(
      (i) =>
        `From MAILER-DAEMON Mon Jan  1 00:00:0${i} 2024\n${message(i, ">From quoted\r\n").replaceAll("\r\n", "\n")}\n`,
    )
    .join("");
  writeFileSync(path.join(dir, "bounces.mbox"), mbox);
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(path.join(dir, "Maildir", sub), { recursive: true });
  writeFileSync(path.join(dir, "Maildir/cur/1700000000.a:2,S"), message(4));
  writeFileSync(path.join(dir, "Maildir/new/1700000001.b"), message(5));
  writeFileSync(path.join(dir, "Maildir/tmp/1700000002.c"), message(6)); // still being delivered: not read
  mkdirSync(path.join(dir, "eml/sub"), { recursive: true });
  writeFileSync(path.join(dir, "eml/a.eml"), message(7));
  writeFileSync(path.join(dir, "eml/sub/b.eml"), message(8));
});

afterAll(async () => {
  await queue.close();
  await sql.end();
});

function importer(sources: string[], range = {}) {
  const ingestor = createIngestor({
    db: services.database.db,
    sql,
    queue,
    cipher: createRawMessageCipher(KEY),
    maxMessageBytes: 1_000_000,
  });
  const output: string[] = [];
  const progress = createProgressReporter({ write: (text: string) => output.push(text), isTTY: false });
  return {
    run: () => runImport({ db: services.database.db, ingestor, progress, sources, range, batchSize: 2 }),
    output,
  };
}

describe("safetynet import", () => {
  it("imports an mbox, a Maildir and a folder of .eml; a second run imports nothing twice", async () => {
    const sources = [path.join(dir, "bounces.mbox"), path.join(dir, "Maildir"), path.join(dir, "eml")];
    const first = await importer(sources).run();
    expect(first).toMatchObject({ read: 7, stored: 7, alreadyStored: 0, failedSources: [] });
    const second = await importer(sources).run();
    expect(second).toMatchObject({ read: 7, stored: 0, alreadyStored: 7, failedSources: [] });
    const rows = await services.database.db.rawMessage.findMany({ where: { source: "import" } });
    expect(rows).toHaveLength(7);
    const cipher = createRawMessageCipher(KEY);
    const fromMbox = rows.find((row) => row.importRef?.endsWith(`bounces.mbox#1@${row.importRef.split("@").pop()}`))!;
    expect(cipher.decrypt(fromMbox.encrypted).toString()).toContain("\nFrom quoted\n");
    const jobs = await queue.getJobs(["waiting"]);
    expect(jobs.map((job) => job.data)).toEqual(expect.arrayContaining(rows.map((row) => ({ messageId: row.id }))));
    expect(jobs).toHaveLength(7);
  });

  it("resumes an interrupted mbox import after its last stored batch", async () => {
    const file = path.join(dir, "resume.mbox");
    writeFileSync(file, [11, 12, 13, 14, 15].map((i) => `From x Mon Jan  1 00:00:00 2024\n${message(i)}\n`).join(""));
    const { run } = importer([file]);
    await run();
    const cursor = await services.database.db.importCursor.findFirstOrThrow({ where: { key: `file:${file}` } });
    expect(cursor).toMatchObject({ done: true, count: 5 });
    // Pretend the run stopped after the first batch of two: the next run reads only the rest.
    const offsetOfThird = Buffer.from(writeOf(file)).indexOf(
      "From x",
      1 + Buffer.from(writeOf(file)).indexOf("From x", 1),
    );
    await services.database.db.importCursor.update({
      where: { key: cursor.key },
      data: { done: false, position: `${offsetOfThird}:2`, count: 2 },
    });
    const resumed = await importer([file]).run();
    expect(resumed).toMatchObject({ read: 3, alreadyStored: 3 });
  });

  it("imports an IMAP folder within a date range, read-only", async () => {
    const user = createDovecotUser();
    // A user added this second is refused until Dovecot re-reads its passwd-file; an ImapFlow
    // instance cannot connect twice, so wait with throwaway clients first.
    await waitForDovecotLogin(user);
    const client = new ImapFlow({
      host: user.host,
      port: user.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.pass },
      logger: false,
    });
    await client.connect();
    await client.append("INBOX", message(21), [], new Date("2019-03-01T10:00:00Z"));
    await client.append("INBOX", message(22), [], new Date("2020-06-01T10:00:00Z"));
    await client.append("INBOX", message(23), [], new Date("2021-06-01T10:00:00Z"));
    const range = { since: new Date("2020-01-01T00:00:00Z"), before: new Date("2021-01-01T00:00:00Z") };
    const summary = await importer([user.url], range).run();
    expect(summary).toMatchObject({ read: 1, stored: 1, failedSources: [] });
    const again = await importer([user.url], range).run();
    expect(again).toMatchObject({ stored: 0 });
    await client.mailboxOpen("INBOX");
    const flags = [];
    for await (const fetched of client.fetch("1:*", { flags: true })) flags.push([...(fetched.flags ?? [])]);
    expect(flags.flat()).not.toContain("\\Seen");
    await client.logout();
  });
});

function writeOf(file: string): Buffer {
  return readFileSync(file);
}
