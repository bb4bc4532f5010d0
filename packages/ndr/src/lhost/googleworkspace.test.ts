import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-googleworkspace (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-googleworkspace" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("googleworkspace", () => {
  const bounce = (failed: string, to: string, sentence: string): string =>
    [
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
      "Subject: Delivery Status Notification (Failure)",
      `X-Failed-Recipients: ${failed}`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "** Address not found **",
      "",
      sentence,
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "",
      "--b",
      "Content-Type: message/rfc822",
      "",
      "From: <sender@example.dk>",
      `To: ${to}`,
      "Subject: Hej",
      "",
      "body",
      "--b--",
      "",
    ].join("\n");

  it("keeps the failed address that the original was sent to", () => {
    const report = parseMessage(
      bounce(
        "two@example.org",
        "<one@example.org>, <two@example.org>",
        "Your message wasn't delivered to two@example.org because the address couldn't be found. Check for typos or unnecessary spaces and try again.",
      ),
    );
    expect(report.decodedBy).toBe("googleworkspace");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["two@example.org", "userunknown"]]);
  });

  it("falls back to the original's To when X-Failed-Recipients names someone else", () => {
    const report = parseMessage(
      bounce(
        "alias@groups.example.com",
        "<one@example.org>",
        "You're sending this from a different address or alias using the 'Send mail as' feature. The settings for your 'Send mail as' account are misconfigured or out of date.",
      ),
    );
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["one@example.org", "rejected"]]);
  });
});
