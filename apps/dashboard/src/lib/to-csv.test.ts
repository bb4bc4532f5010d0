import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv.js";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks and ends lines with CRLF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
  });

  it("defuses spreadsheet formulas", () => {
    expect(toCsv(["f"], [["=SUM(A1)"], ["-3"]])).toBe("f\r\n'=SUM(A1)\r\n'-3\r\n");
  });
});
