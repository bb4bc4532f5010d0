import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-opensmtpd (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-opensmtpd" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("opensmtpd", () => {
  it("reports a text-only warning as a delay with smtpd's own reason", () => {
    const raw = [
      "Received: from localhost (localhost [local]);",
      "\tby mx.example.dk (OpenSMTPD) with ESMTPA id b945e617;",
      "\tMon, 2 Feb 2026 10:00:00 +0000 (UTC)",
      "Subject: Delivery status notification: warning",
      "From: Mailer Daemon <MAILER-DAEMON@mx.example.dk>",
      "To: sender@example.dk",
      "",
      "    Hi!",
      "",
      "    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.",
      "",
      "    A message is delayed for more than 10 minutes for the following",
      "    list of recipients:",
      "",
      "borger@example.org: Temporary failure in MX lookup",
      "",
      "    Please note that this is only a temporary failure report.",
      "",
      "    Below is a copy of the original message:",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("opensmtpd");
    expect(report.kind).toBe("delay");
    expect(report.recipients.map((r) => [r.address, r.action, r.reason])).toEqual([
      ["borger@example.org", "delayed", "networkerror"],
    ]);
    expect(report.original.subject).toBe("Hej");
  });
});
