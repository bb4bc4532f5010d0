import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";

describe.skipIf(!corpusAvailable())("lhost-x5 (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-x5" });
    expect(f.results.filter((r) => r.decodedBy !== "x5").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});
