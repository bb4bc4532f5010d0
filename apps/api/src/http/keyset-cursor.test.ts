import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./keyset-cursor.js";

describe("keyset cursors", () => {
  it("round-trip the sort value and id", () => {
    const text = encodeCursor({ sort: "-failedAt", value: "2024-01-01T00:00:00.000Z", id: "f-1" });
    expect(decodeCursor(text, "-failedAt")).toEqual({
      sort: "-failedAt",
      value: "2024-01-01T00:00:00.000Z",
      id: "f-1",
    });
  });
  it("refuse a cursor of another sort order or a forged one", () => {
    const text = encodeCursor({ sort: "-failedAt", value: "2024-01-01T00:00:00.000Z", id: "f-1" });
    expect(() => decodeCursor(text, "failedAt")).toThrow(/cursor/);
    expect(() => decodeCursor("not-base64-json", "failedAt")).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('["failedAt", {"x":1}, "id"]').toString("base64url"), "failedAt")).toThrow(
      /cursor/,
    );
  });
});
