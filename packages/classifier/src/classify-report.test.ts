import type { RecipientReport } from "@safetynet/ndr";
import { describe, expect, it } from "vitest";
import { decideCause } from "./decide-cause.js";
import { decideResponsible } from "./decide-responsible.js";
import { fingerprint, normaliseDiagnostic } from "./fingerprint.js";
import { DEFAULT_RULES } from "./rules/default-rules.js";
import { parseRules, type ResponsibilityRules } from "./rules/rules-schema.js";

function recipient(overrides: Partial<RecipientReport>): RecipientReport {
  return {
    address: "someone@example.org",
    action: "failed",
    status: "5.0.0",
    replyCode: "550",
    reason: "undefined",
    hardBounce: true,
    diagnosticCode: null,
    remoteMta: null,
    smtpCommand: null,
    originalRecipient: null,
    lastAttemptDate: null,
    ...overrides,
  };
}

const report = { cause: null, cpr: { inSubject: false, count: 0 }, reportingMta: "relay1.kommune.example" } as const;
const rules: ResponsibilityRules = {
  ...DEFAULT_RULES,
  suppliers: [
    {
      id: "sikkermail",
      match: { hosts: ["*.sikkermail.example"], gateways: ["SikkerMail Gateway"], domains: ["sikker.example"] },
    },
  ],
};
const cause = (r: Partial<RecipientReport>, cpr = false) =>
  decideCause(recipient(r), { report: { ...report, cpr: { inSubject: cpr, count: cpr ? 1 : 0 } }, rules });

describe("cause", () => {
  it("reads the cause from reason, status and the words of the refusal", () => {
    expect(cause({ reason: "userunknown", status: "5.1.1" })).toBe("recipient-unknown");
    expect(cause({ reason: "mailboxfull", status: "5.2.2" })).toBe("recipient-mailbox-full");
    expect(cause({ reason: "hostunknown", status: "5.1.2" })).toBe("recipient-domain-unknown");
    expect(
      cause({ reason: "rejected", status: "5.7.0", diagnosticCode: "530 5.7.0 Must issue a STARTTLS command first" }),
    ).toBe("tls-required");
    expect(cause({ reason: "securityerror", status: "5.7.10", diagnosticCode: "Encryption needed" })).toBe(
      "tls-required",
    );
    expect(cause({ reason: "mesgtoobig", status: "5.3.4" })).toBe("message-too-large");
    expect(cause({ reason: "spamdetected", status: "5.7.1" })).toBe("spam-or-content-filter");
    expect(cause({ reason: "rejected", diagnosticCode: "554 5.7.1 Infected with Eicar-Test-Signature" })).toBe("virus");
    expect(cause({ reason: "rejected", status: "5.7.26", diagnosticCode: "Unauthenticated email: DMARC policy" })).toBe(
      "authentication-dmarc",
    );
    expect(
      cause({
        reason: "blocked",
        diagnosticCode: "554 Service unavailable; client host blocked using zen.spamhaus.org",
      }),
    ).toBe("sender-blocked-reputation");
    expect(cause({ reason: "networkerror", status: "4.4.1" })).toBe("network-or-dns");
    expect(cause({ reason: "expired", status: "4.4.7" })).toBe("expired-retrying");
    expect(cause({ reason: "norelaying", status: "5.7.1" })).toBe("recipient-policy");
    expect(cause({ reason: "undefined", status: null, replyCode: null })).toBe("unknown");
  });

  it("a policy refusal of a CPR subject is cpr-in-subject; a mistyped address stays recipient-unknown", () => {
    expect(
      cause({ reason: "policyviolation", status: "5.7.1", diagnosticCode: "Message rejected by DLP policy" }, true),
    ).toBe("cpr-in-subject");
    expect(cause({ reason: "userunknown", status: "5.1.1" }, true)).toBe("recipient-unknown");
    expect(cause({ reason: "policyviolation", status: "5.7.1" }, false)).toBe("recipient-policy");
  });

  it("our gateway failing to hand mail into our own domain is gateway-cannot-return", () => {
    const inbound = {
      address: "caseworker@kommune.example",
      reason: "networkerror" as const,
      status: "4.4.1",
      remoteMta: "exch01.kommune.example",
    };
    expect(
      decideCause(recipient(inbound), { report: { ...report, reportingMta: "gw1.sikkermail.example" }, rules }),
    ).toBe("gateway-cannot-return");
    expect(
      cause({ reason: "systemerror", diagnosticCode: "Gateway could not return the message to the originator" }),
    ).toBe("gateway-cannot-return");
  });
});

describe("responsibility from rules kept as data", () => {
  const evidence = {
    reason: "x",
    reportingHost: "relay1.kommune.example",
    remoteHost: null,
    recipientDomain: "politi.example",
    diagnostic: null,
  };
  it("resolves each cause's owner against suppliers' hosts, gateways and domains", () => {
    expect(decideResponsible({ ...evidence, cause: "cpr-in-subject" }, rules)).toBe("sender");
    expect(decideResponsible({ ...evidence, cause: "tls-required" }, rules)).toBe("recipient");
    expect(decideResponsible({ ...evidence, cause: "tls-required", recipientDomain: "sikker.example" }, rules)).toBe(
      "supplier:sikkermail",
    );
    expect(
      decideResponsible(
        { ...evidence, cause: "gateway-cannot-return", reportingHost: "gw2.sikkermail.example" },
        rules,
      ),
    ).toBe("supplier:sikkermail");
    expect(decideResponsible({ ...evidence, cause: "sender-blocked-reputation" }, rules)).toBe("own-infrastructure");
    expect(
      decideResponsible(
        {
          ...evidence,
          cause: "authentication-dmarc",
          reportingHost: "x.example",
          diagnostic: "rejected by SikkerMail Gateway",
        },
        rules,
      ),
    ).toBe("supplier:sikkermail");
    expect(decideResponsible({ ...evidence, cause: "network-or-dns", remoteHost: "mx.politi.example" }, rules)).toBe(
      "recipient",
    );
    expect(decideResponsible({ ...evidence, cause: "unknown" }, rules)).toBe("unknown");
  });

  it("an explicit rule from the file wins, and a malformed file is refused", () => {
    const custom = parseRules({
      ...DEFAULT_RULES,
      rules: [
        {
          when: { recipientDomains: ["*.politi.example", "politi.example"], causes: ["tls-required"] },
          responsible: "supplier:politinet",
        },
      ],
    });
    expect(decideResponsible({ ...evidence, cause: "tls-required" }, custom)).toBe("supplier:politinet");
    expect(() => parseRules({ version: 2 })).toThrow();
    expect(() => parseRules({ ...DEFAULT_RULES, rules: [{ when: {}, responsible: "the intern" }] })).toThrow();
  });
});

describe("fingerprint", () => {
  it("removes what differs per message from the diagnostic text", () => {
    expect(
      normaliseDiagnostic(
        "550 5.1.1 <anna.b@politi.example>: Recipient rejected, id=4F2A9C31B [192.0.2.7] queue 12345",
      ),
    ).toBe(
      normaliseDiagnostic("550 5.1.1 <kurt@politi.example>: Recipient rejected, id=77AB01FFE [198.51.100.9] queue 99"),
    );
  });

  it("is stable, versioned, and keeps apart what the cause's recipe distinguishes", () => {
    const base = {
      cause: "tls-required" as const,
      responsible: "recipient" as const,
      reportingHost: "relay1.kommune.example",
      recipient: "a@politi.example",
      recipientDomain: "politi.example",
      status: "5.7.0",
      replyCode: "530",
      diagnostic: "Must issue a STARTTLS command first",
    };
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ ...base, recipient: "b@politi.example", reportingHost: "relay2.kommune.example" })).toBe(
      fingerprint(base),
    );
    expect(fingerprint({ ...base, recipientDomain: "region.example" })).not.toBe(fingerprint(base));
  });
});

describe("the example rules file", () => {
  it("parses, and agrees with the built-in defaults on every cause's owner", async () => {
    const { readFileSync } = await import("node:fs");
    const file = parseRules(
      JSON.parse(readFileSync(new URL("../../../config/responsibility.example.json", import.meta.url), "utf8")),
    );
    expect(file.causeOwners).toEqual(DEFAULT_RULES.causeOwners);
  });
});

describe("facts from the NDR's own headers", () => {
  it("reads the Date and notices a CPR number repeated in the NDR's Subject without returning it", async () => {
    const { readNdrFacts } = await import("./read-ndr-facts.js");
    const facts = readNdrFacts(
      "From: postmaster@kommune.example\r\nSubject: Undeliverable: Sag\r\n 010203-1234\r\nDate: Mon, 2 Nov 2026 09:15:00 +0100\r\n\r\nbody 020304-1234",
    );
    expect(facts).toEqual({ at: Date.UTC(2026, 10, 2, 8, 15), ndrSubjectHasCpr: true });
    expect(readNdrFacts("Subject: Undelivered Mail Returned to Sender\r\n\r\n")).toEqual({
      at: null,
      ndrSubjectHasCpr: false,
    });
    const cause = decideCause(recipient({ reason: "policyviolation", status: "5.7.1" }), {
      report,
      rules,
      ndrSubjectHasCpr: true,
    });
    expect(cause).toBe("cpr-in-subject");
  });
});

describe("gateway wording", () => {
  it("matches a gateway that cannot return or pass a message back, not ordinary 'server returned' text", () => {
    for (const text of [
      "Message could not be returned to the sender",
      "Gateway unable to deliver the message back to kommune.example",
      "returning message to sender failed",
      "SikkerMail gateway is down",
    ]) {
      expect(cause({ reason: "systemerror", diagnosticCode: text })).toBe("gateway-cannot-return");
    }
    for (const text of [
      "unable to deliver: the remote server returned 550 5.1.1 user unknown",
      "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound'",
    ]) {
      expect(cause({ reason: "userunknown", status: "5.1.1", diagnosticCode: text })).toBe("recipient-unknown");
    }
  });
});

describe("our gateway failing on its own", () => {
  it("a local error at a supplier's gateway, with no remote server involved, is gateway-cannot-return", () => {
    const local = {
      reason: "systemerror" as const,
      status: "4.3.0",
      diagnosticCode: "451 4.3.0 Internal gateway error, message queued",
    };
    expect(
      decideCause(recipient(local), { report: { ...report, reportingMta: "gw1.sikkermail.example" }, rules }),
    ).toBe("gateway-cannot-return");
    expect(
      decideCause(
        recipient({ ...local, remoteMta: "mx.politi.example", diagnosticCode: "451 4.3.0 Try again later" }),
        { report: { ...report, reportingMta: "gw1.sikkermail.example" }, rules },
      ),
    ).toBe("recipient-policy");
  });
});
