import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-powermta (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-powermta" });
    expect(f.results.filter((r) => r.decodedBy !== "powermta").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    // powermta-03: Sisimai reads the 5.2.1 reply as suspend although PowerMTA's category says bad-mailbox
    expect(f.reasons).toBeGreaterThanOrEqual(0.5);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("powermta", () => {
  it("takes PowerMTA's bounce category per recipient", () => {
    const raw = [
      "From: postmaster@mta.example.net",
      "Subject: Delivery report",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Hello, this is the mail server on mta.example.net.",
      "",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns;mta.example.net",
      "X-PowerMTA-VirtualMTA: default",
      "",
      "Final-Recipient: rfc822;full@example.org",
      "Action: failed",
      "Status: 5.0.0 (undefined status)",
      "Diagnostic-Code: smtp;552 Requested action aborted",
      "X-PowerMTA-BounceCategory: quota-issues",
      "",
      "--b1--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("powermta");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["full@example.org", "mailboxfull"]]);
  });
});

describe("a Status field with a comment", () => {
  it("reads the comment as part of the diagnosis (PowerMTA: 5.2.1 mailbox disabled is a suspended account)", () => {
    const raw = [
      "From: postmaster@mail.example.net",
      "Subject: Delivery report",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "Delivery failed.",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mail.example.net",
      "X-PowerMTA-VirtualMTA: mail.example.net",
      "",
      "Action: failed",
      "Final-Recipient: rfc822; kunde@example.dk",
      "Status: 5.2.1 (mailbox disabled, not accepting messages)",
      "Remote-MTA: dns; mx.example.dk",
      "Diagnostic-Code: smtp;550 5.2.1 <kunde@example.dk>... User Unknown",
      "X-PowerMTA-BounceCategory: bad-mailbox",
      "",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.recipients.map((r) => [r.status, r.reason])).toEqual([["5.2.1", "suspend"]]);
  });
});
