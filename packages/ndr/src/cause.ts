// Cause: a policy, content or security rejection of a message whose subject carries a CPR
// number is "cpr-in-subject" (the 2018 DLP filter incident in DESIGN.md). Other causes: null.
import type { Reason } from "@safetynet/core";

/**
 * Reasons that mean "a filter or policy refused the content", where a CPR subject explains it.
 * onhold/undefined are included: DLP filters often answer with a bare "550 5.7.1" or no text at
 * all, and a missed cpr-in-subject costs more than a cautious one. Sender, IP, TLS and address
 * reasons (rejected, blocked, failedstarttls, userunknown ...) are never caused by the subject.
 */
export const POLICY_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  "policyviolation",
  "securityerror",
  "contenterror",
  "spamdetected",
  "virusdetected",
  "filtered",
  "onhold",
  "undefined",
]);

export function decideCause(failedReasons: readonly Reason[], cprInSubject: boolean): "cpr-in-subject" | null {
  if (!cprInSubject) return null;
  return failedReasons.some((reason) => POLICY_REASONS.has(reason)) ? "cpr-in-subject" : null;
}
