import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-x4 (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-x4" });
    expect(f.results.filter((r) => r.decodedBy !== "x4").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("x4", () => {
  it("maps qmail-remote's stage and qmail-ldap's local errors", () => {
    const raw = [
      "From: MAILER-DAEMON@mx.example.net",
      "Subject: failure notice",
      "",
      "Your mail message to the following address(es) could not be delivered.",
      "",
      "<sender-refused@example.org>:",
      "Connected to 192.0.2.1 but sender was rejected.",
      "Remote host said: 553 sorry, your envelope sender is in my badmailfrom list",
      "",
      "<disabled@example.net>:",
      "Mailaddress is administratively disabled. (#5.2.1)",
      "",
      "--- Below this line is a copy of the message.",
      "",
      "Subject: Hej",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("x4");
    expect(report.recipients.map((r) => [r.address, r.smtpCommand, r.reason])).toEqual([
      ["sender-refused@example.org", "MAIL", "rejected"],
      ["disabled@example.net", null, "suspend"],
    ]);
  });
});
