import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("arf (corpus)", () => {
  it("reads every feedback report of the corpus", () => {
    const f = runAccuracy({ family: "arf" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBe(1);
  });
});

describe("Apple Mail unsubscribe", () => {
  const raw = (flag: string) =>
    [
      "From: user@icloud.com",
      "To: opt-out-42@lists.example.dk",
      "Subject: unsubscribe",
      "Auto-Submitted: auto-replied",
      `X-Apple-Unsubscribe: ${flag}`,
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Apple Mail sent this email to unsubscribe from the message.",
      "",
    ].join("\n");

  it("is an opt-out complaint by its sender, not a vacation reply", () => {
    const report = parseMessage(raw("true"));
    expect(report.kind).toBe("feedback");
    expect(report.recipients.map((r) => [r.address, r.reason, r.feedbackType])).toEqual([
      ["user@icloud.com", "feedback", "opt-out"],
    ]);
  });

  it("stays an auto-reply without the Apple flag", () => {
    expect(parseMessage(raw("false")).kind).not.toBe("feedback");
  });
});
