import { describe, expect, it } from "vitest";
import { apiQuery, exportCsvUrl, listQuery, nextSort, readFilters, sortDirection } from "./failure-filters.js";

describe("failure list URL state", () => {
  it("keeps every API filter, the sort and the cursor in the URL and reads them back", () => {
    const url = listQuery(
      {
        from: "2024-01-01",
        to: "2024-12-31",
        reason: "filtered",
        cause: "cpr-in-subject",
        outcome: "untriaged",
        q: "nova",
      },
      "sentAt",
      "abc",
    );
    const query = new URLSearchParams(url.slice(1));
    expect(readFilters(query)).toEqual({
      from: "2024-01-01",
      to: "2024-12-31",
      reason: "filtered",
      cause: "cpr-in-subject",
      outcome: "untriaged",
      q: "nova",
    });
    expect(query.get("sort")).toBe("sentAt");
    expect(query.get("cursor")).toBe("abc");
  });

  it("leaves empty filters and the default sort out of a shared address", () => {
    expect(listQuery({ reason: "", q: " " as string }, "-failedAt")).toBe("");
    expect(readFilters(new URLSearchParams("reason=&q=%20"))).toEqual({});
  });

  it("always tells the API the sort and the page size", () => {
    const query = new URLSearchParams(apiQuery({ scope: "systemic" }, "-failedAt", null).slice(1));
    expect(Object.fromEntries(query)).toEqual({ scope: "systemic", sort: "-failedAt", limit: "50" });
  });

  it("sorts a column descending first, then ascending", () => {
    expect(nextSort("-failedAt", "reason")).toBe("-reason");
    expect(nextSort("-reason", "reason")).toBe("reason");
    expect(nextSort("reason", "reason")).toBe("-reason");
    expect(sortDirection("-reason", "reason")).toBe("descending");
    expect(sortDirection("reason", "reason")).toBe("ascending");
    expect(sortDirection("reason", "cause")).toBeUndefined();
  });

  it("points the CSV export at the API with the filters and the sort, never a cursor", () => {
    const url = new URL(exportCsvUrl({ cause: "cpr-in-subject", q: "a&b" }, "sentAt"), "http://x");
    expect(url.pathname).toBe("/api/failures");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      cause: "cpr-in-subject",
      q: "a&b",
      sort: "sentAt",
      format: "csv",
    });
    expect(exportCsvUrl({}, "-failedAt")).toBe("/api/failures?format=csv");
  });
});
