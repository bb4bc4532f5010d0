import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-gmx (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-gmx" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("gmx", () => {
  it("reads a Reason: block and the <addr> recipient form", () => {
    const raw = [
      "From: MAILER-DAEMON@mail.gmx.com",
      "Subject: Mail delivery failed: returning message to sender",
      "X-GMX-Antispam: 0 (Mail was not recognized as spam)",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "This message was created automatically by mail delivery software.",
      "",
      "A message that you sent could not be delivered to one or more of",
      "its recipients. This is a permanent error. The following address",
      "failed:",
      "",
      "<borger@example.org>",
      "",
      "Reason:",
      "delivery retry timeout exceeded",
      "",
      "--- The header of the original message is following. ---",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("gmx");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["borger@example.org", "expired"]]);
    expect(report.original.subject).toBe("Hej");
  });
});
