import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-verizon (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-verizon" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("verizon SMS gateway", () => {
  it("reads the RCPT TO transcript and the reply under it", () => {
    const raw = [
      "Received: from njbrspamp1.vtext.com (njbrspamp1.vtext.com [192.0.2.146])",
      "\tby mx.example.dk with ESMTP id 1; Mon, 2 Feb 2026 10:00:00 +0000",
      "From: post_master@vtext.com",
      "Subject: Undeliverable Message",
      "Content-Type: text/plain",
      "",
      "Error: the message could not be delivered",
      "",
      "    MAIL FROM: sender@example.dk",
      "    RCPT TO: 5555550100@vtext.com",
      "550 - Requested action not taken: no such user here",
      "    Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("verizon");
    expect(report.recipients.map((r) => [r.address, r.reason, r.replyCode, r.smtpCommand])).toEqual([
      ["5555550100@vtext.com", "userunknown", "550", "RCPT"],
    ]);
    expect(report.original.subject).toBe("Hej");
  });
});

describe("verizon SMS gateway, James layout", () => {
  it("gives the reply above 'Message details:' to the recipient below it", () => {
    const raw = [
      "Received: from txslspamp2.vtext.com (txslspamp2.vtext.com [192.0.2.195])",
      "\tby mx.example.dk with ESMTP id 2; Mon, 2 Feb 2026 10:00:00 +0000",
      "From: post_master@vtext.com",
      "Subject: Re: Hej",
      "Content-Type: multipart/mixed; boundary=outer",
      "",
      "--outer",
      "Content-Type: multipart/alternative;",
      "boundary=inner",
      "",
      "--inner",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "Error: Invalid user address",
      "",
      "Error message below:",
      "550 - Requested action not taken: no such user here",
      "",
      "Message details:",
      "  Subject: Hej",
      "  MAIL FROM: sender@example.dk",
      "  RCPT TO: 5555550101@vtext.com",
      "",
      "--inner--",
      "--outer--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("verizon");
    expect(report.recipients.map((r) => [r.address, r.reason, r.replyCode])).toEqual([
      ["5555550101@vtext.com", "userunknown", "550"],
    ]);
  });
});
