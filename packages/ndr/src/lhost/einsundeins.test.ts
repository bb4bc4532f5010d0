import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-einsundeins (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-einsundeins" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("einsundeins", () => {
  const bounce = (body: string[]): string =>
    [
      'From: "Mail Delivery System" <mailer-daemon@kundenserver.de>',
      "Subject: Mail delivery failed: returning message to sender",
      "Content-Type: text/plain; charset=utf-8",
      "",
      ...body,
    ].join("\n");

  it("reads two recipients, the remote host and the TEXT (end of data) command", () => {
    const report = parseMessage(
      bounce([
        "This message was created automatically by mail delivery software.",
        "",
        "A message that you sent could not be delivered to one or more of its recipients. The following address(es)",
        "failed:",
        "",
        "one@example.org:",
        "SMTP error from remote server for TEXT command, host: mx.example.org (192.0.2.1) reason: 550 5.7.1 Message rejected as spam",
        "",
        "two@example.net:",
        "SMTP error from remote server for RCPT TO command, host: mx.example.net (192.0.2.2) reason: 550 5.1.1 user unknown",
        "",
        "--- The header of the original message is following. ---",
        "",
        "Subject: Hej",
        "",
      ]),
    );
    expect(report.decodedBy).toBe("einsundeins");
    expect(report.recipients.map((r) => [r.address, r.remoteMta, r.smtpCommand, r.reason])).toEqual([
      ["one@example.org", "mx.example.org", "DATA", "spamdetected"],
      ["two@example.net", "mx.example.net", "RCPT", "userunknown"],
    ]);
    expect(report.original.subject).toBe("Hej");
  });

  it("leaves a plain Exim bounce (no 1&1 marker) to other modules", () => {
    const report = parseMessage(
      bounce([
        "This message was created automatically by mail delivery software.",
        "",
        "  x@example.org",
        "    retry timeout exceeded",
        "",
      ]),
    );
    expect(report.decodedBy).not.toBe("einsundeins");
  });
});
