import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-courier (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-courier" });
    expect(f.results.filter((r) => r.decodedBy !== "courier").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("courier", () => {
  it("takes the command from the dialogue and the specific status from the reply", () => {
    const raw = [
      "From: Courier mail server at mx.example.org <@>",
      "Subject: NOTICE: mail delivery status.",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="=_courier_0"',
      "",
      "--=_courier_0",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "                           UNDELIVERABLE MAIL",
      "",
      "Your message to the following recipients cannot be delivered:",
      "",
      "<one@example.dk>:",
      "    mx.example.dk [192.0.2.1]:",
      ">>> RCPT TO:<one@example.dk>",
      "<<< 550 5.1.1 <one@example.dk>... User unknown",
      "",
      "<two@example.dk>:",
      "    mx.example.dk [192.0.2.1]:",
      ">>> DATA",
      "<<< 552 5.2.2 Mailbox full",
      "",
      "---------------------------------------------------------------------------",
      "",
      "--=_courier_0",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.org",
      "",
      "Final-Recipient: rfc822; one@example.dk",
      "Action: failed",
      "Status: 5.0.0",
      "Diagnostic-Code: smtp; 550 5.1.1 <one@example.dk>... User unknown",
      "",
      "Final-Recipient: rfc822; two@example.dk",
      "Action: failed",
      "Status: 5.0.0",
      "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
      "",
      "--=_courier_0--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("courier");
    expect(report.recipients.map((r) => [r.address, r.status, r.smtpCommand, r.reason])).toEqual([
      ["one@example.dk", "5.1.1", "RCPT", "userunknown"],
      ["two@example.dk", "5.2.2", "DATA", "mailboxfull"],
    ]);
  });
});
