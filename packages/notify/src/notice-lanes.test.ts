import { describe, expect, it } from "vitest";
import { createNoticeLanes } from "./notice-lanes.js";

describe("createNoticeLanes", () => {
  it("keeps a sender's first messages in a window on the ordinary lane and the rest of the burst on bulk", () => {
    let now = 0;
    const lanes = createNoticeLanes({ singlesPerSender: 3, windowMs: 60_000, clock: () => now });
    const storm = Array.from({ length: 5 }, () => lanes.laneFor("Merge@kommune.example", 1));
    expect(storm).toEqual(["single", "single", "single", "bulk", "bulk"]);
    expect(lanes.laneFor("other@kommune.example", 1)).toBe("single");
    now = 60_001;
    expect(lanes.laneFor("merge@kommune.example", 1)).toBe("single");
  });
  it("puts a message with very many failed recipients on bulk, and a message without a sender on the ordinary lane", () => {
    const lanes = createNoticeLanes({ singlesPerSender: 3, windowMs: 60_000, largeMessage: 100 });
    expect(lanes.laneFor("dsn@kommune.example", 10_000)).toBe("bulk");
    expect(lanes.laneFor(null, 1)).toBe("single");
  });
});
