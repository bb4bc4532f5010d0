import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-sendgrid (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-sendgrid" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("sendgrid", () => {
  it("treats SendGrid's 'Action: expired' as an expiry and reads its Arrival-Date format", () => {
    const raw = [
      "Return-Path: <apps@sendgrid.net>",
      "From: MAILER-DAEMON@mx.example.dk",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "This is an automatically generated message from SendGrid.",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Arrival-Date: 2026-02-02 10-00-00",
      "",
      "Final-Recipient: rfc822; borger@example.org",
      "Action: expired",
      "Status: 4.0.0",
      "Diagnostic-Code: 421 try again later",
      "",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("sendgrid");
    expect(report.arrivalDate).toBe("2026-02-02T15:00:00.000Z");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["borger@example.org", "expired"]]);
  });
});
