import { describe, expect, it } from "vitest";
import { maskText } from "./mask-text.js";

describe("maskText", () => {
  it("masks CPR numbers and CPR-shaped digit runs, keeps day and month", () => {
    expect(maskText("Sag 010203-1234")).toBe("Sag 0102XX-XXXX");
    expect(maskText("<0102031234.abc@relay.example>")).toBe("<0102XX-XXXX.abc@relay.example>");
    expect(maskText("ring 010203 1234")).toBe("ring 0102XX XXXX");
  });
  it("leaves other numbers and null alone", () => {
    expect(maskText("smtp 550 5.7.1 (12345678901)")).toBe("smtp 550 5.7.1 (12345678901)");
    expect(maskText("order 9913001234")).toBe("order 9913001234");
    expect(maskText(null)).toBeNull();
  });
});
