// The cause rule: only content/policy/security refusals are explained by a CPR number in the subject.
import { describe, expect, it } from "vitest";
import { decideCause } from "./cause.js";

describe("decideCause", () => {
  it("names cpr-in-subject for policy, security and filter refusals", () => {
    for (const reason of [
      "policyviolation",
      "securityerror",
      "contenterror",
      "spamdetected",
      "filtered",
      "onhold",
    ] as const) {
      expect(decideCause([reason], true)).toBe("cpr-in-subject");
    }
  });
  it("does not blame the subject for address, IP or TLS failures", () => {
    for (const reason of [
      "userunknown",
      "mailboxfull",
      "blocked",
      "rejected",
      "failedstarttls",
      "hostunknown",
    ] as const) {
      expect(decideCause([reason], true)).toBeNull();
    }
  });
  it("needs a CPR number in the subject", () => {
    expect(decideCause(["policyviolation"], false)).toBeNull();
  });
});
