// One classified failure as a failure row: masked subject and diagnostic only (masked again here,
// so a parser regression cannot put a CPR number into a column), ids and times for triage.
import { randomUUID } from "node:crypto";
import type { ClassifiedFailure } from "@safetynet/classifier";
import { mask } from "@safetynet/cpr";
import type { NewFailure } from "@safetynet/db";
import type { BounceReport } from "@safetynet/ndr";

function dateOrNull(value: string | null): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

export function toNewFailure(
  rawMessageId: string,
  report: BounceReport,
  failure: ClassifiedFailure,
  at: number,
  backfilled: boolean,
): NewFailure {
  return {
    id: randomUUID(),
    rawMessageId,
    recipientIndex: failure.recipientIndex,
    reason: failure.reason,
    cause: failure.cause,
    status: failure.status,
    replyCode: failure.replyCode,
    diagnosticMasked: failure.diagnostic ? mask(failure.diagnostic).slice(0, 2000) : null,
    reportingMta: failure.reportingHost,
    remoteMta: failure.remoteHost,
    originalSender: failure.sender,
    recipient: failure.recipient,
    recipientDomain: failure.recipientDomain,
    subjectMasked: report.original.subject ? mask(report.original.subject).slice(0, 1000) : null,
    originalMessageId: report.original.messageId,
    originalDate: dateOrNull(report.original.date),
    failedAt: new Date(at),
    responsible: failure.responsible,
    fingerprint: failure.fingerprint,
    backfilled,
    incidentId: null,
    scope: "individual",
  };
}
