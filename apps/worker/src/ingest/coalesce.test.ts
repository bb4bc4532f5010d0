import { describe, expect, it } from "vitest";
import { coalesce } from "./coalesce.js";

describe("coalesce", () => {
  it("answers calls made in one turn with one call of runMany, in order, at most maxSize each", async () => {
    const calls: number[][] = [];
    const double = coalesce(
      async (items: number[]) => {
        calls.push(items);
        return items.map((item) => item * 2);
      },
      { maxSize: 3 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((item) => double(item)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await double(6)).toBe(12);
    expect(calls).toHaveLength(3);
  });

  it("fails every call of a failed round trip, and only those", async () => {
    const run = coalesce(
      async (items: string[]) => {
        if (items.includes("bad")) throw new Error("round trip failed");
        return items;
      },
      { maxSize: 10 },
    );
    const first = await Promise.allSettled([run("a"), run("bad")]);
    expect(first.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await run("c")).toBe("c");
  });
});
