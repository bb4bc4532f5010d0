import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-amazonworkmail (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-amazonworkmail" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("amazonworkmail", () => {
  it("reads the DSN fields from the text and the last reply after an expiry", () => {
    const raw = [
      "From: MAILER-DAEMON@eu-west-1.amazonses.com",
      "Subject: Delivery Status Notification (Failure)",
      "X-Mailer: Amazon WorkMail",
      "X-SES-Outgoing: 2026.02.02-54.240.27.4",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "An error occurred while trying to deliver the mail to the following recipients:",
      "borger@example.org",
      "",
      "Technical report:",
      "",
      "Reporting-MTA: dsn; a27-139.smtp-out.eu-west-1.amazonses.com",
      "",
      "Action: failed",
      "Final-Recipient: rfc822; borger@example.org",
      "Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
      "Status: 4.4.7",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("amazonworkmail");
    expect(report.reportingMta).toBe("a27-139.smtp-out.eu-west-1.amazonses.com");
    expect(report.recipients.map((r) => [r.address, r.reason, r.status, r.replyCode])).toEqual([
      ["borger@example.org", "expired", "4.4.2", "421"],
    ]);
  });
});
