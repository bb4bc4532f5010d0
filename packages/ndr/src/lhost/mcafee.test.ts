import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";

describe.skipIf(!corpusAvailable())("lhost-mcafee (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-mcafee" });
    expect(f.results.filter((r) => r.decodedBy !== "mcafee").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});
