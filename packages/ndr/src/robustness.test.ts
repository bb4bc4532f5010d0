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
import { fuzzArbitraries, hostileMessages } from "./fuzz/index.js";
import { NdrInputError, parseMessage } from "./index.js";
import type { BounceReport } from "./types.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".eml"))
  .map((name) => readFileSync(join(FIXTURES, name)));

/** Parse, accepting only a report or the documented NdrInputError. */
function hostile(name: string): Buffer {
  const message = hostileMessages().find((candidate) => candidate.name === name);
  if (!message) throw new Error(`no hostile message named ${name}`);
  return message.bytes;
}

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
  const shapes = fuzzArbitraries(fixtures);

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(shapes.randomBytes, (bytes) => {
        tryParse(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random text that looks like mail", () => {
    fc.assert(
      fc.property(shapes.mailLike, (text) => {
        tryParse(text);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on truncated fixtures", () => {
    fc.assert(
      fc.property(shapes.truncated, (bytes) => {
        tryParse(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it("walks multipart nested 1,000 deep without recursion blow-up", () => {
    expect(tryParse(hostile("nested 1,000 deep"))).not.toBeNull();
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
    const messages = hostileMessages().filter((message) => message.name.startsWith("charset "));
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) expect(() => tryParse(message.bytes)).not.toThrow();
  });

  it("handles 1 MB header lines and 1 MB body lines", () => {
    expect(() => tryParse(hostile("1 MB header and body lines"))).not.toThrow();
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
