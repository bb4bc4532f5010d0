import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-googlegroups (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-googlegroups" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("googlegroups", () => {
  const bounce = (bullets: string[]): string =>
    [
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
      "Subject: Delivery Status Notification (Failure)",
      "X-Failed-Recipients: team@googlegroups.com",
      "X-Google-Smtp-Source: AAAA",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Hej sender@example.dk,",
      "",
      "Gruppen du forsøgte at kontakte (team) findes muligvis ikke.",
      "",
      ...bullets,
      "",
      "Google Groups",
      "",
      "----- Original message -----",
      "",
      "Subject: Møde",
      "To: team@googlegroups.com",
      "",
    ].join("\n");

  it("reads the group from X-Failed-Recipients and the original from the inline copy", () => {
    const report = parseMessage(bounce([" * a", " * b", " * c", " * d"]));
    expect(report.decodedBy).toBe("googlegroups");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["team@googlegroups.com", "rejected"]]);
    expect(report.original.subject).toBe("Møde");
  });

  it("does not claim 'rejected' when the notice is not the four-cause one", () => {
    const report = parseMessage(bounce([" * a"]));
    expect(report.recipients[0]!.reason).not.toBe("rejected");
  });
});
