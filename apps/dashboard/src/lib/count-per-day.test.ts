import { describe, expect, it } from "vitest";
import { countPerDay } from "./count-per-day.js";

describe("countPerDay", () => {
  it("counts failures per local day, oldest first, and skips unreadable times", () => {
    process.env.TZ = "Europe/Copenhagen";
    const days = countPerDay([
      "2024-03-02T10:00:00Z",
      "2024-03-01T22:30:00Z", // 23:30 in Copenhagen: still 1 March
      "2024-03-01T23:30:00Z", // 00:30 on 2 March in Copenhagen
      "not a time",
    ]);
    expect(days).toEqual([
      { day: "2024-03-01", count: 1 },
      { day: "2024-03-02", count: 2 },
    ]);
  });
});
