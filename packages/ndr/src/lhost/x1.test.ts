import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";

describe.skipIf(!corpusAvailable())("lhost-x1 (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-x1" });
    expect(f.results.filter((r) => r.decodedBy !== "x1").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    // x1-03/04 expect go-sisimai's own 5.9.x codes, which no bounce states
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(0.5);
  });
});
