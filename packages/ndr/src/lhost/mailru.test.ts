import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-mailru (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-mailru" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("mailru", () => {
  const head = [
    "From: mailer-daemon@corp.mail.ru",
    "Message-Id: <E1XsaQZ-0005MG-8M@smtp12.mail.ru>",
    "Subject: Mail failure.",
    "X-Failed-Recipients: one@example.org, two@example.net",
    "Content-Type: text/plain; charset=utf-8",
    "",
  ];

  it("reads remote host, command and codes after the host, not from its IP address", () => {
    const raw = [
      ...head,
      "This message was created automatically by mail delivery software.",
      "",
      "A message that you sent could not be delivered to one or more of its",
      "recipients. This is a permanent error. The following address(es) failed:",
      "",
      "  one@example.org",
      "    SMTP error from remote mail server after RCPT TO:<one@example.org>:",
      "    host mx.example.org [192.0.2.222]: 550 5.1.1 <one@example.org>... User Unknown",
      "  two@example.net",
      "    SMTP error from remote mail server after end of data:",
      "    host mx.example.net [192.0.2.5]: 550 User unknown",
      "",
      "------ This is a copy of the message, including all the headers. ------",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("mailru");
    expect(
      report.recipients.map((r) => [r.address, r.reason, r.smtpCommand, r.status, r.replyCode, r.remoteMta]),
    ).toEqual([
      ["one@example.org", "userunknown", "RCPT", "5.1.1", "550", "mx.example.org"],
      ["two@example.net", "filtered", "DATA", null, "550", "mx.example.net"],
    ]);
    expect(report.original.subject).toBe("Hej");
  });

  it("falls back to X-Failed-Recipients when the text lists nobody", () => {
    const report = parseMessage([...head, "Message frozen.", ""].join("\n"));
    expect(report.recipients.map((r) => r.address)).toEqual(["one@example.org", "two@example.net"]);
  });
});
