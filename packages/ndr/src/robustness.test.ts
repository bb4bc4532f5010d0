// Hostile and broken input: random bytes, truncated MIME, deep nesting, huge messages, many
// recipients, bad charsets, 1 MB header lines. The parser must return (or throw NdrInputError
// for something that is not a message at all) and never hang. No assertion here reads the clock
// (a busy machine would fail it): a runaway, quadratic parse runs into the test's timeout, and
// speed is measured by bench/parse.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NdrInputError, parseMessage } from "./index.js";
import type { BounceReport } from "./types.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".eml"))
  .map((name) => readFileSync(join(FIXTURES, name)));

/** Parse, accepting only a report or the documented NdrInputError. */
function tryParse(input: Uint8Array | string): BounceReport | null {
  try {
    return parseMessage(input);
  } catch (error) {
    if (error instanceof NdrInputError) return null;
    throw error;
  }
}

const DSN_HEAD =
  "From: MAILER-DAEMON@relay.example\nTo: sender@kommune.example\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n";

describe("robustness", () => {
  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        tryParse(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random text that looks like mail", () => {
    const line = fc.oneof(
      fc.constantFrom(
        "Content-Type: multipart/report; boundary=b",
        "--b",
        "--b--",
        "Content-Type: message/delivery-status",
        "Final-Recipient: rfc822; a@b.example",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 unknown",
        "Content-Transfer-Encoding: base64",
        "=?utf-8?B?w6bDuMOl?=",
        "",
        " folded",
        "Content-Type: message/rfc822",
        "Subject: Sag 010203-1234",
        "<a@b.example>: host x said: 550 user unknown",
      ),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        tryParse(`From: x@y.example\n${lines.join("\n")}`);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on truncated fixtures", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.double({ min: 0, max: 1, noNaN: true }), (bytes, share) => {
        tryParse(bytes.subarray(0, Math.floor(bytes.length * share)));
      }),
      { numRuns: 300 },
    );
  });

  it("walks multipart nested 1,000 deep without recursion blow-up", () => {
    let body = "Final-Recipient: rfc822; deep@example.org\nAction: failed\nStatus: 5.1.1\n";
    let type = "message/delivery-status";
    for (let depth = 0; depth < 1000; depth++) {
      const boundary = `b${depth}`;
      body = `--${boundary}\nContent-Type: ${type}\n\n${body}\n--${boundary}--\n`;
      type = `multipart/mixed; boundary="${boundary}"`;
    }
    expect(tryParse(`${DSN_HEAD}Content-Type: ${type}\n\n${body}`)).not.toBeNull();
  });

  it("parses a 50 MB message in bounded time", () => {
    const dsn = readFileSync(join(FIXTURES, "content-filter-personal-data.eml"), "latin1");
    const filler = `${"x".repeat(76)}\n`;
    const huge = dsn.replace("Se ved", filler.repeat(Math.ceil((50 * 1024 * 1024) / filler.length)));
    expect(huge.length).toBeGreaterThan(50 * 1024 * 1024);
    const value = tryParse(Buffer.from(huge, "latin1"));
    expect(value?.kind).toBe("bounce");
    expect(value?.recipients[0]?.address).toBe("skole@skole.example");
  }, 30_000);

  it("reports 10,000 recipients", () => {
    const blocks = Array.from(
      { length: 10_000 },
      (_, i) =>
        `Final-Recipient: rfc822; user${i}@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown`,
    ).join("\n\n");
    const message = `${DSN_HEAD}Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: text/plain\n\nfailed\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; relay.example\n\n${blocks}\n--b--\n`;
    const value = tryParse(message);
    expect(value?.recipients).toHaveLength(10_000);
    expect(value?.recipients[9_999]).toMatchObject({ address: "user9999@example.org", reason: "userunknown" });
  }, 30_000);

  it("survives unknown and lying charsets", () => {
    for (const charset of [
      "x-bogus",
      "utf-7",
      "iso-2022-jp",
      "utf-8",
      "windows-1252",
      "iso-8859-1",
      '""',
      "../../etc/passwd",
      "base64",
    ]) {
      const message = `${DSN_HEAD}Subject: =?${charset}?Q?=E6=F8=E5?= =?${charset}?B?////?=\nContent-Type: text/plain; charset=${charset}\n\n<a@b.example>: 550 5.1.1 \xe6\xf8\xe5 \xff\xfe unknown user\n`;
      expect(() => tryParse(Buffer.from(message, "latin1"))).not.toThrow();
    }
  });

  it("handles 1 MB header lines and 1 MB body lines", () => {
    const long = "a".repeat(1024 * 1024);
    const message = `${DSN_HEAD}X-Long: ${long}\nSubject: <${long}@${long}>\nContent-Type: text/plain\n\n<${long}@${long}>: ${"5.5.5.".repeat(100_000)}\n${"<".repeat(500_000)}@\n`;
    expect(() => tryParse(message)).not.toThrow();
  });

  it("reads LF, CRLF and CR mboxes and messages alike", () => {
    for (const bytes of fixtures) {
      const lf = bytes.toString("latin1").replace(/\r\n?/g, "\n");
      expect(tryParse(lf.replace(/\n/g, "\r"))).toEqual(tryParse(lf));
    }
  });

  it("says clearly when the input is not a message", () => {
    expect(() => parseMessage("")).toThrow(NdrInputError);
    expect(() => parseMessage("\n\n\n")).toThrow(/no header fields/);
  });
});
