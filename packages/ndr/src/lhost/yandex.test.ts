import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-yandex (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-yandex" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("yandex", () => {
  it("takes each recipient's SMTP command from the Postfix text, across blank lines", () => {
    const raw = [
      "From: mailer-daemon@yandex.ru",
      "Subject: Delivery Status Notification (Failure)",
      "X-Yandex-Uniq: 1234",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "This is the mail system at host yandex.ru.",
      "",
      "<one@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1",
      "    <one@example.org>... User Unknown (in reply to RCPT TO command)",
      "",
      "<two@example.org>: host mx.example.org[192.0.2.1] said: 552 message too",
      "    big (in reply to end of DATA command)",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; forward1h.mail.yandex.net",
      "",
      "Final-Recipient: rfc822; one@example.org",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 <one@example.org>... User Unknown",
      "",
      "Final-Recipient: rfc822; two@example.org",
      "Action: failed",
      "Status: 5.3.4",
      "Diagnostic-Code: smtp; 552 message too big",
      "",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("yandex");
    expect(report.recipients.map((r) => [r.address, r.smtpCommand])).toEqual([
      ["one@example.org", "RCPT"],
      ["two@example.org", "DATA"],
    ]);
  });
});
