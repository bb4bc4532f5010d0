// Modulus 11 as the CPR office defines it, with its worked example; it only ever raises confidence.
import { describe, expect, it } from "vitest";
import { passesModulus11 } from "./modulus-11.js";

describe("passesModulus11", () => {
  it("passes the CPR office's own worked example, 070761-4285 (sum 154 = 14 x 11)", () => {
    expect(passesModulus11("0707614285")).toBe(true);
    expect(passesModulus11("0707614286")).toBe(false);
  });

  it("accepts numbers whose weighted sum (4,3,2,7,6,5,4,3,2,1) is divisible by 11", () => {
    // 0 1 0 2 0 3 1 2 3 x: 0+3+0+14+0+15+4+6+6 = 48, 48 + x = 55 -> x = 7
    expect(passesModulus11("0102031237")).toBe(true);
    expect(passesModulus11("0102031234")).toBe(false);
  });
  it("passes exactly one ten-digit number in eleven on a full serial range", () => {
    let passing = 0;
    for (let serial = 0; serial < 10_000; serial++)
      if (passesModulus11(`010180${String(serial).padStart(4, "0")}`)) passing++;
    expect(passing).toBeGreaterThan(850);
    expect(passing).toBeLessThan(970);
  });
});
