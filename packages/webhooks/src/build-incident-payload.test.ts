import { describe, expect, it } from "vitest";
import { buildIncidentPayload, type IncidentFacts } from "./build-incident-payload.js";
import { findPersonalData } from "./testing/find-personal-data.js";

const facts: IncidentFacts = {
  id: "5f0c7c1e-1111-4e59-9a55-0a1b2c3d4e5f",
  status: "open",
  scope: "systemic",
  cause: "network-or-dns",
  supplierId: "sikkermail",
  firstSeen: new Date("2026-12-01T08:00:00Z"),
  lastSeen: new Date("2026-12-01T09:00:00Z"),
  resolvedAt: null,
  failureCount: 15,
  distinctSenders: 10,
  reasons: ["networkerror", "expired", "anna@kommune.example"],
  statusCodes: ["4.4.1", "5.4.1", "Sag 010203-1234"],
  replyCodes: ["421", "abc"],
  reportingHosts: ["mail.kommune.example", "MX1.Kommune.Example", "jens@kommune.example"],
  failingHosts: ["relay.sikkermail.example", "2001:db8::1", "Journal 010203-1234 om Jens"],
};

describe("buildIncidentPayload", () => {
  it("keeps ids, counts, codes, hosts and the time range, with a dashboard link", () => {
    const { incident } = buildIncidentPayload(facts, { dashboardUrl: "https://safetynet.kommune.example/" });
    expect(incident).toEqual({
      id: facts.id,
      url: `https://safetynet.kommune.example/incidents/${facts.id}`,
      status: "open",
      scope: "systemic",
      cause: "network-or-dns",
      supplierId: "sikkermail",
      reasons: ["expired", "networkerror"],
      statusCodes: ["4.4.1", "5.4.1"],
      replyCodes: ["421"],
      reportingHosts: ["mail.kommune.example", "mx1.kommune.example"],
      failingHosts: ["2001:db8::1", "relay.sikkermail.example"],
      failureCount: 15,
      distinctSenders: 10,
      firstSeen: "2026-12-01T08:00:00.000Z",
      lastSeen: "2026-12-01T09:00:00.000Z",
      resolvedAt: null,
    });
  });

  it("drops anything shaped like an address, a subject or a CPR number", () => {
    const text = JSON.stringify(buildIncidentPayload(facts, { dashboardUrl: "http://x", milestone: 100 }));
    expect(findPersonalData(text, ["Sag", "Journal", "Jens", "anna"])).toEqual([]);
    // The scanner itself finds what the inputs carried.
    expect(findPersonalData(JSON.stringify(facts), ["Jens"])).toHaveLength(4);
    expect(JSON.parse(text).milestone).toBe(100);
  });
});
