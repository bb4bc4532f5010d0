import { describe, expect, it } from "vitest";
import { afterNewestFirst, decodeCursor, encodeCursor, newestFirstPage } from "./keyset-cursor.js";

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

  it("continue a newest-first page after the last row shown, and end when no extra row was read", () => {
    const at = (day: number) => new Date(Date.UTC(2024, 0, day));
    const rows = [
      { id: "c", at: at(3) },
      { id: "b", at: at(2) },
      { id: "a", at: at(2) },
    ];
    const first = newestFirstPage(rows, 2, "-at", (row) => row.at);
    expect(first.shown.map((row) => row.id)).toEqual(["c", "b"]);
    const cursor = decodeCursor(first.nextCursor!, "-at");
    expect(afterNewestFirst("at", cursor)).toEqual({ OR: [{ at: { lt: at(2) } }, { at: at(2), id: { lt: "b" } }] });
    expect(newestFirstPage(rows.slice(2), 2, "-at", (row) => row.at)).toEqual({ shown: [rows[2]], nextCursor: null });
    expect(afterNewestFirst("at", null)).toEqual({});
  });
});
