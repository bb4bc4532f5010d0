import { describe, expect, it } from "vitest";
import type { FailureSummary, Incident } from "../api/types.js";
import { groupFailures } from "./load-today.js";

const failure = (id: string, cause: string, incidentId: string | null): FailureSummary => ({
  id,
  sentAt: null,
  reason: "filtered",
  cause,
  scope: incidentId ? "systemic" : "individual",
  outcome: "untriaged",
  incidentId,
});

describe("groupFailures", () => {
  it("counts by incident (with its key) and by cause, largest first; failures without one group by cause", () => {
    const incidents = new Map<string, Incident>([
      ["i1", { id: "i1", key: "gw-down-1", scope: "systemic", status: "open", cause: "gateway-cannot-return" }],
    ]);
    const grouped = groupFailures(
      [
        failure("a", "gateway-cannot-return", "i1"),
        failure("b", "cpr-in-subject", null),
        failure("c", "gateway-cannot-return", "i1"),
        failure("d", "gateway-cannot-return", "i1"),
        failure("e", "cpr-in-subject", null),
        failure("f", "recipient-unknown", null),
      ],
      incidents,
    );
    expect(grouped.byIncident).toEqual([
      { incidentId: "i1", key: "gw-down-1", cause: "gateway-cannot-return", scope: "systemic", count: 3 },
      { incidentId: null, key: null, cause: "cpr-in-subject", scope: "individual", count: 2 },
      { incidentId: null, key: null, cause: "recipient-unknown", scope: "individual", count: 1 },
    ]);
    expect(grouped.byCause).toEqual([
      { cause: "gateway-cannot-return", count: 3 },
      { cause: "cpr-in-subject", count: 2 },
      { cause: "recipient-unknown", count: 1 },
    ]);
  });
});
