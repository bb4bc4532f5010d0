import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { reportCsv } from "./report-csv.js";

describe("reportCsv", () => {
  it("writes Danish CSV (BOM, ';', decimal comma, total row) that a CSV parser reads back", () => {
    const csv = reportCsv(["year", "share"], [[2018, 12.5]], ["total", 100]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parse(csv, { bom: true, delimiter: ";" })).toEqual([
      ["year", "share"],
      ["2018", "12,5"],
      ["total", "100"],
    ]);
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    const csv = reportCsv(["department"], [['=HYPERLINK("http://x.example")'], ["@SUM(A1)"], ["Jobcenter"]], null);
    const cells = parse(csv, { bom: true, delimiter: ";" }).map((row: string[]) => row[0]);
    expect(cells).toEqual(["department", '\'=HYPERLINK("http://x.example")', "'@SUM(A1)", "Jobcenter"]);
  });
});
