import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-yahoo (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-yahoo" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("yahoo", () => {
  it("splits recipients and reads the bracketed command token", () => {
    const raw = [
      "From: MAILER-DAEMON@yahoo.com",
      "Subject: Failure Notice",
      "X-YMailISG: abc",
      "Content-Type: text/plain",
      "",
      "Sorry, we were unable to deliver your message to the following address.",
      "",
      "<one@example.org>:",
      "Remote host said: 550 5.1.1 <one@example.org>... User Unknown [RCPT_TO]",
      "",
      "<two@example.net>:",
      "Remote host said: 501 5.1.8 Sender address rejected  [MAIL_FROM]",
      "",
      "--- Below this line is a copy of the message.",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("yahoo");
    expect(report.recipients.map((r) => [r.address, r.reason, r.smtpCommand, r.status])).toEqual([
      ["one@example.org", "userunknown", "RCPT", "5.1.1"],
      ["two@example.net", "rejected", "MAIL", "5.1.8"],
    ]);
    expect(report.original.subject).toBe("Hej");
  });
});

describe("yahoo's own errors", () => {
  const bounce = (error: string) =>
    [
      "From: MAILER-DAEMON@yahoo.com",
      "Subject: Failure Notice",
      "X-YMailISG: abc",
      "Content-Type: text/plain",
      "",
      "Sorry, we were unable to deliver your message to the following address.",
      "",
      "<kunde@example.dk>:",
      error,
      "",
      "--- Below this line is a copy of the message.",
      "",
      "Subject: Hej",
      "",
    ].join("\n");

  it("reads them with qmail's table: giving up after retries is a system error", () => {
    const report = parseMessage(bounce("Unable to deliver message after multiple retries, giving up."));
    expect(report.recipients.map((r) => r.reason)).toEqual(["systemerror"]);
  });

  it("leaves a quoted remote reply to the shared rules", () => {
    const report = parseMessage(bounce("Remote host said: 550 5.1.1 <kunde@example.dk>: user unknown [RCPT_TO]"));
    expect(report.recipients.map((r) => r.reason)).toEqual(["userunknown"]);
  });
});
