import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-gmail (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-gmail" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("gmail", () => {
  it("reads a DNS failure notice and the state-14 command", () => {
    const raw = [
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
      "Subject: Delivery Status Notification (Failure)",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Delivery to the following recipient failed permanently:",
      "",
      "     one@nosuchdomain.example",
      "",
      "Technical details of permanent failure:",
      "DNS Error: Domain name not found",
      "",
      "Delivery to the following recipient failed permanently:",
      "",
      "     two@example.org",
      "",
      "Technical details of permanent failure:",
      "Google tried to deliver your message, but it was rejected by the recipient domain. The error that the other server returned was: 550 550 5.1.1 user unknown (state 14).",
      "",
      "----- Original message -----",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("gmail");
    expect(report.recipients.map((r) => [r.address, r.reason, r.smtpCommand])).toEqual([
      ["one@nosuchdomain.example", "hostunknown", null],
      ["two@example.org", "userunknown", "RCPT"],
    ]);
  });

  it("reads a refusal after the message text (state 18) as filtered when the reply has no specific code", () => {
    const raw = [
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
      "Subject: Delivery Status Notification (Failure)",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Delivery to the following recipient failed permanently:",
      "",
      "     three@example.org",
      "",
      "Technical details of permanent failure:",
      "Google tried to deliver your message, but it was rejected by the recipient domain. The error that the other server returned was: 554 554 5.7.0 Header error (state 18).",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.recipients.map((r) => [r.address, r.reason, r.smtpCommand])).toEqual([
      ["three@example.org", "filtered", "DATA"],
    ]);
  });
});
