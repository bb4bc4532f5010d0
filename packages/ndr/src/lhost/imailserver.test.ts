import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-imailserver (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-imailserver" });
    expect(f.results.filter((r) => r.decodedBy !== "imailserver").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("imailserver", () => {
  it("reads the remote reply and the SMTP stage IMail names", () => {
    const raw = [
      'From: "Postmaster" <postmaster@example.net>',
      "Subject: Undeliverable Mail",
      "X-Mailer: <SMTP32 v8.22>",
      "",
      "Unknown user: nobody@example.com",
      "",
      "Additional RCPT TO generated following response:",
      "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown",
      "",
      "Original message follows.",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("imailserver");
    expect(report.recipients.map((r) => [r.address, r.smtpCommand, r.status, r.reason])).toEqual([
      ["nobody@example.com", "RCPT", "5.1.1", "userunknown"],
    ]);
  });
});

describe("imailserver notice header lines", () => {
  it("takes the error lines' addresses, not the notice's own To: and the quoted reply for the reason", () => {
    const raw = [
      "From: postmaster@mail.example.net",
      "Subject: Undeliverable Mail ",
      "X-Mailer: <SMTP32 v8.22>",
      "Content-Type: text/plain",
      "",
      "To: sender@example.dk ",
      "CC: ",
      "Subject: Undeliverable Mail ",
      "",
      "undeliverable to kunde@example.jp ",
      "",
      "Body of message generated response: ",
      "550-REJECTED - Blacklisted URL in message. (example.com) in [black]. ",
      "550 See http://lookup.uribl.com.",
      "",
      "Original message follows.",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["kunde@example.jp", "spamdetected"]]);
  });
});
