import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-zoho (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-zoho" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("zoho", () => {
  it("reads ERROR_CODE fields and the inline original", () => {
    const raw = [
      "From: mailer-daemon@mail.zoho.com",
      "Subject: Undelivered Mail Returned to Sender",
      "X-ZohoMail: Si CHF_MF_NL",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "This message was created automatically by mail delivery software.",
      "A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.",
      "",
      "one@example.org Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.2 <one@example.org>... Mailbox Full",
      "two@example.net Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable.",
      "",
      "Received:from mail.zoho.com by mx.zohomail.com",
      "    with SMTP id 1418381459307794",
      "Subject:Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("zoho");
    expect(report.recipients.map((r) => [r.address, r.reason, r.replyCode, r.status])).toEqual([
      ["one@example.org", "mailboxfull", "550", "5.2.2"],
      ["two@example.net", "expired", "421", null],
    ]);
    expect(report.original.subject).toBe("Hej");
  });
});
