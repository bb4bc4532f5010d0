// Adds the municipality's own mail domains (INTERNAL_DOMAINS) to the rules: mail into them that
// cannot be passed on is our side's fault, and hosts under them are our infrastructure.
import type { ResponsibilityRules } from "./rules-schema.js";

export function withOwnDomains(rules: ResponsibilityRules, domains: readonly string[]): ResponsibilityRules {
  const clean = domains.map((domain) => domain.trim().toLowerCase()).filter(Boolean);
  return {
    ...rules,
    ownDomains: [...new Set([...rules.ownDomains, ...clean])],
    ownHosts: [...new Set([...rules.ownHosts, ...clean, ...clean.map((domain) => `*.${domain}`)])],
  };
}
