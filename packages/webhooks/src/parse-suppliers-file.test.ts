import { describe, expect, it } from "vitest";
import { parseSuppliersFile } from "./parse-suppliers-file.js";

describe("parseSuppliersFile", () => {
  it("reads YAML with defaults for events and match lists", () => {
    const file = parseSuppliersFile(
      [
        "suppliers:",
        "  - id: sikkermail",
        "    name: Secure mail supplier",
        "    contact: drift@sikkermail.example",
        "    match:",
        "      hosts: ['*.sikkermail.example']",
        "      gateways: [SikkerMail Gateway]",
        "    endpoints:",
        "      - url: https://hooks.sikkermail.example/safetynet",
      ].join("\n"),
      "suppliers.yaml",
    );
    expect(file.suppliers[0]).toEqual({
      id: "sikkermail",
      name: "Secure mail supplier",
      contact: "drift@sikkermail.example",
      match: { hosts: ["*.sikkermail.example"], gateways: ["SikkerMail Gateway"], domains: [] },
      endpoints: [
        {
          url: "https://hooks.sikkermail.example/safetynet",
          events: ["incident.opened", "incident.updated", "incident.resolved"],
        },
      ],
    });
  });

  it("names the field that is wrong", () => {
    const bad = JSON.stringify({
      suppliers: [{ id: "x", name: "X", match: {}, endpoints: [{ url: "ftp://x", events: ["incident.closed"] }] }],
    });
    expect(() => parseSuppliersFile(bad, "s.json")).toThrow(
      /suppliers\.0\.endpoints\.0\.url.*suppliers\.0\.endpoints\.0\.events/,
    );
    const twice = JSON.stringify({
      suppliers: [
        { id: "x", name: "X", match: {} },
        { id: "x", name: "Y", match: {} },
      ],
    });
    expect(() => parseSuppliersFile(twice, "s.json")).toThrow(/unique/);
  });
});
