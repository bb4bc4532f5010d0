import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";

describe.skipIf(!corpusAvailable())("lhost-trendmicro (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-trendmicro" });
    expect(f.results.filter((r) => r.decodedBy !== "trendmicro").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    // trendmicro-02/03 expect go-sisimai's own 5.9.213, which the bounce does not state
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(0.3);
  });
});
