import { describe, expect, it } from "vitest";
import { parseMessage } from "../parse-message.js";

describe("postfix: the notice's command context", () => {
  it("keeps '(in reply to MAIL FROM command)' with the reply, so a sender refusal reads as rejected", () => {
    const raw = [
      "From: MAILER-DAEMON@mail.example.dk (Mail Delivery System)",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "This is the mail system at host mail.example.dk.",
      "",
      "<kunde@example.net>: host mx.example.net[192.0.2.2] said: 550",
      "    5.7.1 Access denied (in reply to MAIL FROM command)",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mail.example.dk",
      "",
      "Final-Recipient: rfc822; kunde@example.net",
      "Action: failed",
      "Status: 5.7.1",
      "Remote-MTA: dns; mx.example.net",
      "Diagnostic-Code: smtp; 550 5.7.1 Access denied",
      "",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("postfix");
    expect(report.recipients.map((r) => [r.status, r.smtpCommand, r.reason])).toEqual([["5.7.1", "MAIL", "rejected"]]);
  });
});
