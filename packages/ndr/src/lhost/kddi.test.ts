import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-kddi (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-kddi" });
    expect(f.results.filter((r) => r.decodedBy !== "kddi").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("kddi", () => {
  it("treats X-SPASIGN: NG as au's filter verdict", () => {
    const raw = [
      "From: no-reply@0000.dion.ne.jp",
      "Subject: Mail",
      "X-SPASIGN: NG",
      "",
      "Your mail sent on: Thu, 29 Apr 2013 00:00:00 +0900",
      "     Could not be delivered to: <someone@0000.dion.ne.jp>",
      "     As their mailbox is full.",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("kddi");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["someone@0000.dion.ne.jp", "filtered"]]);
  });
});
