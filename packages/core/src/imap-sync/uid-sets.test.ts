import { describe, expect, it } from "vitest";
import { chunkUids, missingUids, toSequenceSet } from "./uid-sets.js";

describe("uid sets", () => {
  it("finds the UIDs not stored yet", () => {
    expect(missingUids([5, 1, 2, 9], new Set([2, 9]))).toEqual([1, 5]);
  });
  it("writes compact sequence sets", () => {
    expect(toSequenceSet([8, 1, 2, 3, 5, 7])).toBe("1:3,5,7:8");
    expect(toSequenceSet([4])).toBe("4");
    expect(toSequenceSet([])).toBe("");
  });
  it("chunks into batches", () => {
    expect(chunkUids([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
