import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";

describe.skipIf(!corpusAvailable())("lhost-surfcontrol (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-surfcontrol" });
    expect(f.results.filter((r) => r.decodedBy !== "surfcontrol").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});
