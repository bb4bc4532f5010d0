// Default responsibility rules, kept as data: the shipped starting point that a site replaces
// with its own file (RESPONSIBILITY_RULES) and extends with suppliers registered in the database.
import type { ResponsibilityRules } from "./rules-schema.js";

export const DEFAULT_RULES: ResponsibilityRules = {
  version: 1,
  ownHosts: ["*.kommune.example", "kommune.example"],
  ownDomains: ["kommune.example"],
  suppliers: [],
  rules: [
    {
      note: "a CPR number in the subject is the sender's to fix, whoever's filter caught it",
      when: { causes: ["cpr-in-subject"] },
      responsible: "sender",
    },
  ],
  causeOwners: {
    "cpr-in-subject": "sender",
    "recipient-unknown": "sender",
    "recipient-mailbox-full": "recipient",
    "recipient-domain-unknown": "sender",
    "tls-required": "recipient",
    "message-too-large": "sender",
    "spam-or-content-filter": "path",
    virus: "sender",
    "authentication-dmarc": "infrastructure",
    "sender-blocked-reputation": "infrastructure",
    "network-or-dns": "path",
    "gateway-cannot-return": "infrastructure",
    "expired-retrying": "path",
    "recipient-policy": "recipient",
    unknown: "unknown",
  },
};
