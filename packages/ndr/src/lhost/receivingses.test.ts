import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-receivingses (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-receivingses" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("receivingses", () => {
  it("takes the receipt rule's specific code when Status is only 5.0.0", () => {
    const raw = [
      "From: postmaster@example.org",
      "Subject: Delivery Status Notification (Failure)",
      "X-SES-Outgoing: 2026.02.02-54.240.27.5",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "This message could not be delivered.",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; inbound-smtp.eu-west-1.amazonaws.com",
      "",
      "Action: failed",
      "Final-Recipient: rfc822; borger@example.org",
      "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
      "Status: 5.0.0",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("receivingses");
    expect(report.recipients.map((r) => [r.address, r.status, r.reason])).toEqual([
      ["borger@example.org", "5.2.2", "mailboxfull"],
    ]);
  });
});
