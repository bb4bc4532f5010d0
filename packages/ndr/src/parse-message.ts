// One raw RFC 822 message in, one bounce report out. Format modules extract evidence; this file
// applies the shared rules (reason, hardBounce, masking, kind, cause) so every family agrees.

import type { Reason } from "@safetynet/core";
import { find as findCpr, mask as maskCpr } from "@safetynet/cpr";
import { decideCause } from "./cause.js";
import { ALL_MODULES } from "./lhost/registry.js";
import type { LhostModule, LhostResult, RawRecipient, ReasonRule } from "./lhost/types.js";
import { LIMITS } from "./mime/limits.js";
import { MailView } from "./mime/mail-view.js";
import { readOriginal, toIsoDate } from "./original.js";
import { decideReason } from "./reason/decide-reason.js";
import { isHardBounce } from "./reason/hard-bounce.js";
import { findReplyCode, findSmtpCommand, findStatus, joinMultilineReply, preferStatus } from "./smtp/find-codes.js";
import type { BounceReport, Kind, RecipientReport } from "./types.js";

export interface ParseOptions {
  /** Modules to try, in order (default: the registry). Tests pass one family to check it alone. */
  modules?: readonly LhostModule[];
}

/** Bytes (or an already-decoded string) to the binary string form the walker works on. */
export function toBinary(input: Uint8Array | string): string {
  if (typeof input === "string") {
    // a JS string from a text source: re-encode as UTF-8 bytes so charsets decode as declared
    // eslint-disable-next-line no-control-regex
    return /[^\x00-\xff]/.test(input) ? Buffer.from(input, "utf8").toString("latin1") : input;
  }
  const view = input.byteLength > LIMITS.maxInputBytes ? input.subarray(0, LIMITS.maxInputBytes) : input;
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString("latin1");
}

/** The input is not an RFC 5322 message at all (no header field could be read). */
export class NdrInputError extends Error {
  override name = "NdrInputError";
}

export function parseMessage(input: Uint8Array | string, options: ParseOptions = {}): BounceReport {
  let binary = toBinary(input);
  if (binary.length > LIMITS.maxInputBytes) binary = binary.slice(0, LIMITS.maxInputBytes);
  const mail = MailView.fromBinary(binary);
  if (mail.headers.fields.length === 0) throw new NdrInputError("not an RFC 5322 message: no header fields found");
  const { module, result } = runModules(mail, options.modules ?? ALL_MODULES);
  return buildReport(mail, module, result);
}

function runModules(
  mail: MailView,
  modules: readonly LhostModule[],
): { module: LhostModule | null; result: LhostResult | null } {
  // A module that throws on odd input must not hide a format another module reads; the first
  // error is rethrown only when no module could read the message (the CLI prints it).
  let failure: unknown = null;
  for (const module of modules) {
    try {
      if (!module.detect(mail)) continue;
      const result = module.parse(mail);
      if (result && result.recipients.length > 0) return { module, result };
    } catch (error) {
      failure ??= error instanceof Error ? new Error(`${module.name}: ${error.message}`) : error;
    }
  }
  if (failure) throw failure;
  return { module: null, result: null };
}

function buildReport(mail: MailView, module: LhostModule | null, result: LhostResult | null): BounceReport {
  const { original, rawSubject } = readOriginal(result?.originalHeaders ?? mail.originalHeaders, maskText);
  const cprCount = rawSubject ? safeCount(rawSubject) : 0;
  const rules = module?.reasonRules ?? [];
  const reportingMta = result?.reportingMta?.trim() || null;
  const raws = dedupe(result?.recipients ?? []).slice(0, LIMITS.maxRecipients);
  // A notice about one recipient speaks for it (a delivery agent's message above the DSN part)
  const notice = raws.length === 1 ? (mail.textParts[0] ?? null) : null;
  const recipients = raws.map((raw) => finishRecipient(raw, rules, reportingMta, notice));
  const kind = result?.kind ?? kindFromRecipients(recipients);
  const failedReasons: Reason[] = recipients.filter((r) => r.action === "failed").map((r) => r.reason);
  return {
    kind,
    decodedBy: module?.name ?? null,
    reportingMta,
    arrivalDate: toIsoDate(result?.arrivalDate) ?? toIsoDate(mail.headers.get("date")),
    recipients,
    original,
    cause: kind === "bounce" ? decideCause(failedReasons, cprCount > 0) : null,
    cpr: { inSubject: cprCount > 0, count: cprCount },
  };
}

/** "5.0.0", "4.0.0": only the class of the error is known. */
const GENERIC_STATUS = /^\d\.0\.0$/;

/** Characters of diagnostic text kept per recipient. */
const MAX_DIAGNOSTIC = 4096;

function finishRecipient(
  raw: RawRecipient,
  rules: readonly ReasonRule[],
  reportingMta: string | null,
  notice: string | null,
): RecipientReport {
  const action = raw.action ?? "failed";
  const diagnostic = raw.diagnosticCode
    ? joinMultilineReply(raw.diagnosticCode.slice(0, MAX_DIAGNOSTIC).replace(/\s+/g, " ").trim()) || null
    : null;
  const lowered = (diagnostic ?? "").toLowerCase();
  const byModule = raw.reason ?? rules.find((rule) => rule.when.test(lowered))?.reason ?? null;
  const replyCode = raw.replyCode ?? findReplyCode(diagnostic);
  // A generic X.0.0 status (Courier, Mimecast, SendGrid, Exchange write "Status: 5.0.0") gives
  // way to the code the remote server's own reply names (RFC 3463 section 3.1: X.0.0 says only
  // the class; rules of Sisimai's status.Prefer). A specific status stands as the module read it.
  const status =
    raw.status && !GENERIC_STATUS.test(raw.status)
      ? raw.status
      : preferStatus(raw.status ?? null, findStatus(diagnostic), replyCode);
  const smtpCommand = raw.smtpCommand ?? findSmtpCommand(diagnostic);
  const reason = decideReason({
    explicit: byModule,
    explicitIsFinal: raw.reasonIsFinal === true && raw.reason != null,
    action,
    status,
    replyCode,
    diagnostic,
    diagnosticType: raw.diagnosticType ?? null,
    smtpCommand,
    remoteMta: raw.remoteMta ?? null,
    reportingMta,
    recipient: raw.address,
    notice,
  });
  const report: RecipientReport = {
    address: raw.address,
    action,
    status,
    replyCode,
    reason,
    hardBounce: action === "failed" && isHardBounce(reason, status, replyCode),
    diagnosticCode: diagnostic ? maskText(diagnostic) : null,
    remoteMta: raw.remoteMta?.trim() || null,
    smtpCommand,
    originalRecipient: raw.originalRecipient ?? null,
    lastAttemptDate: toIsoDate(raw.lastAttemptDate),
  };
  if (raw.feedbackType) report.feedbackType = raw.feedbackType;
  return report;
}

/** One entry per address; later blocks for the same address fill fields the first lacked. */
function dedupe(recipients: readonly RawRecipient[]): RawRecipient[] {
  const byAddress = new Map<string, RawRecipient>();
  for (const recipient of recipients) {
    const key = recipient.address.toLowerCase();
    const seen = byAddress.get(key);
    if (!seen) {
      byAddress.set(key, { ...recipient });
      continue;
    }
    for (const [name, value] of Object.entries(recipient) as [keyof RawRecipient, unknown][]) {
      if (value !== undefined && value !== null && (seen[name] === undefined || seen[name] === null))
        (seen as unknown as Record<string, unknown>)[name] = value;
    }
  }
  return [...byAddress.values()];
}

function kindFromRecipients(recipients: readonly RecipientReport[]): Kind {
  if (recipients.length === 0) return "not-bounce";
  if (recipients.some((r) => r.action === "failed")) return "bounce";
  if (recipients.some((r) => r.action === "delayed")) return "delay";
  if (recipients.some((r) => r.action === "autoreplied")) return "autoreply";
  if (recipients.some((r) => r.action === "complained")) return "feedback";
  return "delivered";
}

function maskText(text: string): string {
  return maskCpr(text);
}

function safeCount(text: string): number {
  return findCpr(text).length;
}
