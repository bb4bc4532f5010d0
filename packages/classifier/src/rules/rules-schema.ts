// The shape of the responsibility rules (data, never logic): which hosts and domains are ours,
// which suppliers run which hosts, gateways and domains, and who owns each cause by default.
import { z } from "zod";
import { CAUSES } from "../causes.js";

/** Who owns a cause before hosts are looked at; resolved to a Responsible by decideResponsible. */
export const OWNER_KINDS = ["sender", "recipient", "infrastructure", "path", "unknown"] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

const responsible = z.union([
  z.enum(["sender", "recipient", "own-infrastructure", "unknown"]),
  z.string().regex(/^supplier:[a-z0-9][a-z0-9._-]*$/, "expected supplier:<id>"),
]);

export const supplierMatchSchema = z
  .object({
    /** Host patterns (`*.sikkermail.example`) of MTAs the supplier runs. */
    hosts: z.array(z.string().min(1)).default([]),
    /** Words naming the supplier's gateway in diagnostic text (e.g. "SikkerMail Gateway"). */
    gateways: z.array(z.string().min(1)).default([]),
    /** Recipient domains whose mail service the supplier runs. */
    domains: z.array(z.string().min(1)).default([]),
  })
  .loose();

export const supplierSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  match: supplierMatchSchema,
});
export type SupplierRule = z.infer<typeof supplierSchema>;

export const ruleSchema = z.object({
  /** Why this rule exists; shown in the README and in review. */
  note: z.string().optional(),
  when: z
    .object({
      causes: z.array(z.enum(CAUSES)).optional(),
      reasons: z.array(z.string()).optional(),
      /** Patterns matched against the reporting MTA or the remote MTA. */
      hosts: z.array(z.string()).optional(),
      reportingHosts: z.array(z.string()).optional(),
      remoteHosts: z.array(z.string()).optional(),
      recipientDomains: z.array(z.string()).optional(),
      /** Case-insensitive regular expression tested on the (masked) diagnostic text. */
      diagnostic: z.string().optional(),
    })
    .strict(),
  responsible,
});
export type ResponsibilityRule = z.infer<typeof ruleSchema>;

export const rulesSchema = z.object({
  version: z.literal(1),
  /** Host patterns of our own MTAs (Exchange, relays, the DLP filter). */
  ownHosts: z.array(z.string()).default([]),
  /** Our own mail domains: a failed recipient here means mail into the municipality failed. */
  ownDomains: z.array(z.string()).default([]),
  /** Suppliers known without the database; the database's suppliers are added to these. */
  suppliers: z.array(supplierSchema).default([]),
  /** Ordered; the first rule that matches decides. */
  rules: z.array(ruleSchema).default([]),
  /** Default owner of each cause when no rule matches. */
  causeOwners: z.record(z.enum(CAUSES), z.enum(OWNER_KINDS)),
});
export type ResponsibilityRules = z.infer<typeof rulesSchema>;

/** Validate rules read from a file (the caller reads it; this package does no I/O). */
export function parseRules(data: unknown): ResponsibilityRules {
  return rulesSchema.parse(data);
}
