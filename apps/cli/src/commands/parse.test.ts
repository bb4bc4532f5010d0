// `safetynet parse` end to end in-process: files, folders, mbox (index per message), unreadable
// paths and garbage all produce one JSON line each and never stop the run.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "./parse.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../../packages/ndr/fixtures");

let output: string[];
beforeEach(() => {
  output = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const lines = (): Record<string, unknown>[] =>
  output
    .join("")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("safetynet parse", () => {
  it("prints one JSON object per message of a folder", async () => {
    expect(await run(["--json", FIXTURES])).toBe(0);
    const rows = lines();
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const transportRule = rows.find((row) => String(row.file).endsWith("exchange-online-transport-rule-da.eml"))!;
    expect(transportRule).toMatchObject({
      index: 0,
      kind: "bounce",
      cause: "cpr-in-subject",
      cpr: { inSubject: true, count: 1 },
    });
    expect(output.join("")).not.toMatch(/\b\d{6}-\d{4}\b/);
  });

  it("numbers the messages of an mbox and reports bad ones without stopping", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ndr-cli-"));
    const mbox = join(dir, "box.mbox");
    const bounce =
      "From: MAILER-DAEMON@relay.example\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\nThis is the mail system at host relay.example.\n\n<a@b.example>: host mx.b.example said: 550 5.1.1 user unknown (in reply to RCPT TO command)\n";
    writeFileSync(
      mbox,
      `From MAILER-DAEMON Mon Mar 18 10:00:00 2024\n${bounce}\nFrom nobody Mon Mar 18 10:00:01 2024\n\n\n\nFrom MAILER-DAEMON Mon Mar 18 10:00:02 2024\n${bounce}`,
    );
    expect(await run([mbox, join(dir, "missing.eml")])).toBe(1);
    const rows = lines();
    // The empty message in the middle keeps its place: indices are positions in the mbox, as
    // `import` and `classify` number them (@safetynet/mail-files)
    expect(rows.map((row) => [row.index, row.kind ?? "error"])).toEqual([
      [0, "bounce"],
      [1, "error"],
      [2, "bounce"],
      [0, "error"],
    ]);
    expect(rows[0]).toMatchObject({
      recipients: [expect.objectContaining({ address: "a@b.example", reason: "userunknown", smtpCommand: "RCPT" })],
    });
    expect(rows[1]!.error).toBe("empty message");
    expect(rows[3]!.error).toMatch(/ENOENT/);
  });

  it("reports a file that is not a message as an error line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ndr-cli-"));
    writeFileSync(join(dir, "empty.eml"), "");
    writeFileSync(join(dir, "garbage.eml"), "\n\n\u0000\u0001");
    expect(await run([dir])).toBe(0);
    expect(lines().map((row) => typeof row.error)).toEqual(["string", "string"]);
  });

  it("reads a Maildir's cur/ and new/ only: never tmp/ nor the server's index files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ndr-cli-"));
    const bounce =
      "From: MAILER-DAEMON@relay.example\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\nThis is the mail system at host relay.example.\n\n<a@b.example>: host mx.b.example said: 550 5.1.1 user unknown (in reply to RCPT TO command)\n";
    for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, "cur", "1.host:2,S"), bounce);
    writeFileSync(join(dir, "new", "2.host"), bounce);
    writeFileSync(join(dir, "tmp", "3.host"), "Subject: still being written\n");
    for (const name of ["dovecot-uidlist", "dovecot.index", "dovecot.index.log", "subscriptions", "maildirsize"])
      writeFileSync(join(dir, name), "3 V1 N4\n");
    writeFileSync(join(dir, "cur", "dovecot-keywords"), "0 $Junk\n");
    expect(await run(["--json", dir])).toBe(0);
    expect(lines().map((row) => [String(row.file).slice(dir.length + 1), row.kind])).toEqual([
      [join("cur", "1.host:2,S"), "bounce"],
      [join("new", "2.host"), "bounce"],
    ]);
  });

  it("prints usage without paths", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await run([])).toBe(2);
  });
});
