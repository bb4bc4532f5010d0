// One parsed bounce report in, one classified failure per failed recipient out: cause, who must
// act, the nature of the cause and its fingerprint. Delays, receipts and auto-replies yield none.
import type { Reason, Responsible } from "@safetynet/core";
import type { BounceReport, Kind } from "@safetynet/ndr";
import { CAUSE_INFO, type Cause, type CauseNature } from "./causes.js";
import { decideCause } from "./decide-cause.js";
import { decideFailedHop, type FailedHop } from "./decide-failed-hop.js";
import { decideResponsible } from "./decide-responsible.js";
import { FINGERPRINT_VERSION, fingerprint } from "./fingerprint.js";
import { cleanHost, domainOf } from "./host-pattern.js";
import type { ResponsibilityRules } from "./rules/rules-schema.js";

export interface ClassifiedFailure {
  recipientIndex: number;
  recipient: string;
  recipientDomain: string | null;
  reason: Reason;
  cause: Cause;
  nature: CauseNature;
  patternable: boolean;
  responsible: Responsible;
  status: string | null;
  replyCode: string | null;
  /** CPR-masked by the parser; never log it (it may name citizens). */
  diagnostic: string | null;
  reportingHost: string | null;
  remoteHost: string | null;
  /** The hop that failed, which the fingerprint follows (decideFailedHop). */
  hop: FailedHop;
  sender: string | null;
  fingerprint: string;
  fingerprintVersion: number;
}

export interface ClassifiedReport {
  kind: Kind;
  failures: ClassifiedFailure[];
}

export interface ClassifyOptions {
  /** The NDR's own Subject carries a CPR number (see readNdrFacts): a fallback when the parser found no original subject. */
  ndrSubjectHasCpr?: boolean;
}

export function classifyReport(
  report: BounceReport,
  rules: ResponsibilityRules,
  options: ClassifyOptions = {},
): ClassifiedReport {
  if (report.kind !== "bounce") return { kind: report.kind, failures: [] };
  const failures: ClassifiedFailure[] = [];
  report.recipients.forEach((recipient, recipientIndex) => {
    if (recipient.action !== "failed") return;
    const cause = decideCause(recipient, { report, rules, ndrSubjectHasCpr: options.ndrSubjectHasCpr ?? false });
    const recipientDomain = domainOf(recipient.address);
    const reportingHost = cleanHost(report.reportingMta);
    const remoteHost = cleanHost(recipient.remoteMta);
    const hop = decideFailedHop({
      cause,
      reason: recipient.reason,
      status: recipient.status,
      diagnostic: recipient.diagnosticCode,
      remoteHost,
      recipientDomain,
    });
    const responsible = decideResponsible(
      {
        cause,
        reason: recipient.reason,
        reportingHost,
        remoteHost,
        recipientDomain,
        diagnostic: recipient.diagnosticCode,
        hop,
      },
      rules,
    );
    const info = CAUSE_INFO[cause];
    failures.push({
      recipientIndex,
      recipient: recipient.address,
      recipientDomain,
      reason: recipient.reason,
      cause,
      nature: info.nature,
      patternable: info.patternable,
      responsible,
      status: recipient.status,
      replyCode: recipient.replyCode,
      diagnostic: recipient.diagnosticCode,
      reportingHost,
      remoteHost,
      hop,
      sender: report.original.from?.trim().toLowerCase() || null,
      fingerprint: fingerprint({
        cause,
        responsible,
        reportingHost,
        recipient: recipient.address,
        recipientDomain,
        status: recipient.status,
        replyCode: recipient.replyCode,
        diagnostic: recipient.diagnosticCode,
        hop,
      }),
      fingerprintVersion: FINGERPRINT_VERSION,
    });
  });
  return { kind: report.kind, failures };
}
