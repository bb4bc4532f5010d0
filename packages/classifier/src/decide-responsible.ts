// Decides who must act on one failure: the first matching rule, else the cause's default owner
// resolved against host and domain patterns of our infrastructure and of the suppliers (data).
import type { Responsible } from "@safetynet/core";
import type { Cause } from "./causes.js";
import { type FailedHop, hopGrouping } from "./decide-failed-hop.js";
import { cleanHost, matchesAny } from "./host-pattern.js";
import type { ResponsibilityRule, ResponsibilityRules, SupplierRule } from "./rules/rules-schema.js";

export interface ResponsibleEvidence {
  cause: Cause;
  reason: string;
  reportingHost: string | null;
  remoteHost: string | null;
  recipientDomain: string | null;
  diagnostic: string | null;
  /** The hop that failed: a relay's owner answers for its connection and TLS faults. */
  hop?: FailedHop;
}

export function decideResponsible(evidence: ResponsibleEvidence, rules: ResponsibilityRules): Responsible {
  const reporting = cleanHost(evidence.reportingHost);
  const remote = cleanHost(evidence.remoteHost);
  const rule = rules.rules.find((candidate) => ruleMatches(candidate, evidence, reporting, remote));
  if (rule) return rule.responsible as Responsible;
  // A relay or smart host that could not be reached (or failed TLS): whoever runs it, whatever the
  // cause's usual owner; a host that is neither ours nor a supplier's falls through to the owner.
  const relay = relayOwner(evidence, rules);
  if (relay) return relay;
  const owner = rules.causeOwners[evidence.cause] ?? "unknown";
  switch (owner) {
    case "sender":
      return "sender";
    case "recipient":
      return supplierFor(rules.suppliers, (s) => matchesAny(evidence.recipientDomain, s.match.domains)) ?? "recipient";
    case "infrastructure":
      // The hop that reported or met the fault: a supplier's gateway, else our own servers.
      return hopOwner(rules, [reporting, remote], evidence.diagnostic) ?? "own-infrastructure";
    case "path":
      // A fault on the way: whoever runs the remote hop; outside our and our suppliers' hosts, the recipient.
      return hopOwner(rules, [remote], evidence.diagnostic) ?? "recipient";
    default:
      // Our own relay reports nearly every bounce, so only the remote hop may name an owner here.
      return hopOwner(rules, [remote], evidence.diagnostic) ?? "unknown";
  }
}

function relayOwner(evidence: ResponsibleEvidence, rules: ResponsibilityRules): Responsible | null {
  if (hopGrouping(evidence.cause, evidence.hop) !== "host") return null;
  return hopOwner(rules, [evidence.hop?.host ?? null], evidence.diagnostic);
}

function hopOwner(rules: ResponsibilityRules, hosts: (string | null)[], diagnostic: string | null): Responsible | null {
  const text = (diagnostic ?? "").toLowerCase();
  const supplier =
    supplierFor(rules.suppliers, (s) => hosts.some((host) => matchesAny(host, s.match.hosts))) ??
    supplierFor(rules.suppliers, (s) => s.match.gateways.some((name) => text.includes(name.toLowerCase())));
  if (supplier) return supplier;
  return hosts.some((host) => matchesAny(host, rules.ownHosts)) ? "own-infrastructure" : null;
}

function supplierFor(
  suppliers: readonly SupplierRule[],
  test: (supplier: SupplierRule) => boolean,
): Responsible | null {
  const found = suppliers.find(test);
  return found ? `supplier:${found.id}` : null;
}

function ruleMatches(
  rule: ResponsibilityRule,
  evidence: ResponsibleEvidence,
  reporting: string | null,
  remote: string | null,
): boolean {
  const when = rule.when;
  if (when.causes && !when.causes.includes(evidence.cause)) return false;
  if (when.reasons && !when.reasons.includes(evidence.reason)) return false;
  if (when.hosts && !matchesAny(reporting, when.hosts) && !matchesAny(remote, when.hosts)) return false;
  if (when.reportingHosts && !matchesAny(reporting, when.reportingHosts)) return false;
  if (when.remoteHosts && !matchesAny(remote, when.remoteHosts)) return false;
  if (when.recipientDomains && !matchesAny(evidence.recipientDomain, when.recipientDomains)) return false;
  if (when.diagnostic && !new RegExp(when.diagnostic, "i").test(evidence.diagnostic ?? "")) return false;
  return true;
}

/** Suppliers from the database (`match` JSON as the API stores it) merged into the file's rules. */
export function withSuppliers(
  rules: ResponsibilityRules,
  suppliers: readonly { id: string; match: unknown }[],
): ResponsibilityRules {
  const fromDb: SupplierRule[] = suppliers.map((supplier) => {
    const match = (supplier.match ?? {}) as Partial<Record<"hosts" | "gateways" | "domains", unknown>>;
    const list = (value: unknown) =>
      Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
    return {
      id: supplier.id,
      match: { hosts: list(match.hosts), gateways: list(match.gateways), domains: list(match.domains) },
    };
  });
  const known = new Set(fromDb.map((supplier) => supplier.id));
  return { ...rules, suppliers: [...fromDb, ...rules.suppliers.filter((supplier) => !known.has(supplier.id))] };
}
