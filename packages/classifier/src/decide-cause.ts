// Decides the cause of one failed recipient from the evidence the parser gave (reason, status,
// diagnostic text, hosts) and the subject's CPR flag. Order matters: see the comments below.
import type { BounceReport, RecipientReport } from "@safetynet/ndr";
import { CPR_FILTER_REASONS, CPR_TEXT, REASON_CAUSES, STATUS_CAUSES, TEXT_CAUSES } from "./cause-patterns.js";
import type { Cause } from "./causes.js";
import { cleanHost, domainOf, matchesAny } from "./host-pattern.js";
import type { ResponsibilityRules } from "./rules/rules-schema.js";

export interface CauseContext {
  report: Pick<BounceReport, "cause" | "cpr" | "reportingMta">;
  /** The NDR's own Subject has a CPR number (Exchange repeats the original subject there). */
  ndrSubjectHasCpr?: boolean;
  rules: Pick<ResponsibilityRules, "ownDomains" | "ownHosts" | "suppliers">;
}

/** Reasons that say "the hop could not pass the message on", as opposed to a refusal. */
/** Reasons that say the reporting server itself failed. */
const LOCAL_FAULT_REASONS = new Set(["systemerror", "mailererror", "systemfull"]);
const PASS_ON_REASONS = new Set([
  "networkerror",
  "systemerror",
  "systemfull",
  "expired",
  "mailererror",
  "hostunknown",
  "undefined",
  "notaccept",
]);

export function decideCause(recipient: RecipientReport, context: CauseContext): Cause {
  const text = (recipient.diagnosticCode ?? "").toLowerCase();
  const status = recipient.status ?? "";
  // TLS first: a refusal for want of TLS is the receiver's policy even when the subject has a CPR.
  if (recipient.reason === "failedstarttls" || /^5\.7\.1[01]$/.test(status) || TEXT_CAUSES[0]!.pattern.test(text))
    return "tls-required";
  if (isCprRefusal(recipient, context, text)) return "cpr-in-subject";
  if (gatewayCannotPassOn(recipient, context, text)) return "gateway-cannot-return";
  for (const { cause, pattern } of TEXT_CAUSES.slice(2)) if (pattern.test(text)) return cause;
  const byReason = REASON_CAUSES[recipient.reason];
  if (byReason && byReason !== "unknown" && byReason !== "recipient-policy") return byReason;
  // Vague reasons (rejected, policyviolation, undefined ...): the status code may be sharper.
  const byStatus = STATUS_CAUSES.find(({ pattern }) => pattern.test(status))?.cause;
  return byStatus ?? byReason ?? "unknown";
}

function isCprRefusal(recipient: RecipientReport, context: CauseContext, text: string): boolean {
  if (!context.report.cpr.inSubject && !context.ndrSubjectHasCpr) return false;
  if (CPR_TEXT.test(text)) return true;
  if (context.report.cause === "cpr-in-subject" && CPR_FILTER_REASONS.has(recipient.reason)) return true;
  // A policy refusal of a CPR subject: the 2018 DLP filter answered 5.7.x with varying words.
  return CPR_FILTER_REASONS.has(recipient.reason) && /^5\.7\./.test(recipient.status ?? "");
}

/**
 * Our gateway cannot return a message: either it says so, or mail to one of our own domains could
 * not be passed on (a connection, system or expiry failure rather than a refusal): inbound mail
 * that never reached the municipality is our side's fault, whichever hop reported it.
 */
function gatewayCannotPassOn(recipient: RecipientReport, context: CauseContext, text: string): boolean {
  if (TEXT_CAUSES[1]!.pattern.test(text)) return true;
  const domain = domainOf(recipient.address);
  if (domain && matchesAny(domain, context.rules.ownDomains) && PASS_ON_REASONS.has(recipient.reason)) return true;
  // Our gateway failed by itself (no remote server was involved): it could not pass anything on.
  const reporting = cleanHost(context.report.reportingMta);
  const ours = [...context.rules.ownHosts, ...context.rules.suppliers.flatMap((supplier) => supplier.match.hosts)];
  return (
    LOCAL_FAULT_REASONS.has(recipient.reason) &&
    !recipient.remoteMta &&
    matchesAny(reporting, ours) &&
    /gateway|internal|local|queue/.test(text)
  );
}
