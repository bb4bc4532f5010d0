import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-bigfoot (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-bigfoot" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("bigfoot", () => {
  it("takes the failed command from the transcript", () => {
    const raw = [
      "From: Mail Delivery Subsystem <MAILER-DAEMON@bigfoot.com>",
      "Subject: Returned mail: see transcript for details",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "   ----- Transcript of session follows -----",
      ">>> MAIL FROM:<sender@example.dk>",
      "<<< 553 sender rejected",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; litemail00.bigfoot.com",
      "",
      "Final-Recipient: RFC822; <borger@example.org>",
      "Action: failed",
      "Status: 5.7.1",
      "Diagnostic-Code: SMTP; 553 sender rejected",
      "",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("bigfoot");
    expect(report.recipients.map((r) => [r.address, r.smtpCommand, r.reason])).toEqual([
      ["borger@example.org", "MAIL", "rejected"],
    ]);
  });
});
