import { describe, expect, it } from "vitest";
import { parseMessage } from "../parse-message.js";
import { ldaReason } from "./lda-table.js";

describe("ldaReason", () => {
  it("reads each delivery agent's own wording", () => {
    expect(ldaReason("your message to <x> was automatically rejected: not enough disk space", "")).toBe("mailboxfull");
    expect(ldaReason("mail.local: unknown user: kat", "")).toBe("userunknown");
    expect(ldaReason("procmail: quota exceeded while writing", "DATA")).toBe("mailboxfull");
    expect(ldaReason("maildrop: something else broke", "")).toBe("mailererror");
  });

  it("does not speak for a reply to RCPT or for text no agent signed", () => {
    expect(ldaReason("550 mail.local: unknown user: kat", "RCPT")).toBeNull();
    expect(ldaReason("550 5.1.1 user unknown", "")).toBeNull();
  });
});

describe("a DSN whose notice carries a delivery agent's message", () => {
  const dsn = (diagnostic: string) =>
    [
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>",
      "Subject: Returned mail: see transcript for details",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "",
      "Your message to <kat> was automatically rejected:",
      "Not enough disk space",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.net",
      "",
      "Final-Recipient: rfc822; kat@example.net",
      "Action: failed",
      "Status: 5.1.1",
      diagnostic,
      "",
      "--b--",
      "",
    ].join("\n");

  it("takes the agent's reason over the status the MTA wrapped around it", () => {
    const report = parseMessage(dsn("Diagnostic-Code: smtp; 550 5.1.1 <kat@example.net>... User Unknown"));
    expect(report.recipients.map((r) => r.reason)).toEqual(["mailboxfull"]);
  });

  it("leaves an X-Unix exit status to the status rules", () => {
    const report = parseMessage(dsn("Diagnostic-Code: X-Unix; 77"));
    expect(report.recipients.map((r) => r.reason)).not.toEqual(["mailboxfull"]);
  });
});
