import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-dragonfly (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-dragonfly" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("dragonfly", () => {
  it("keeps two recipients of one bounce apart", () => {
    const raw = [
      "Received: from MAILER-DAEMON",
      "\tid 1a2b",
      "\tby mx.example.dk (DragonFly Mail Agent v0.13);",
      "\tMon, 2 Feb 2026 10:00:00 +0100",
      "From: MAILER-DAEMON <>",
      "To: sender@example.dk",
      "Subject: Mail delivery failed",
      "Date: Mon, 2 Feb 2026 10:00:00 +0100",
      "",
      "This is the DragonFly Mail Agent v0.13 at mx.example.dk.",
      "",
      "There was an error delivering your mail to <one@example.org>.",
      "",
      "mx.example.org [192.0.2.1] did not like our RCPT TO:",
      "550 5.1.1 <one@example.org>: Recipient address rejected: User unknown",
      "",
      "There was an error delivering your mail to <two@example.net>.",
      "",
      "DNS lookup failure: host example.net not found",
      "",
      "Message headers follow.",
      "",
      "Subject: Hej",
      "To: <one@example.org>",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("dragonfly");
    expect(report.recipients.map((r) => [r.address, r.reason, r.smtpCommand])).toEqual([
      ["one@example.org", "userunknown", "RCPT"],
      ["two@example.net", "hostunknown", null],
    ]);
    expect(report.recipients[0]!.remoteMta).toBe("mx.example.org");
    expect(report.original.subject).toBe("Hej");
  });
});
