// Helpers every lhost module may use: read RFC 3464 blocks into RawRecipients, cut the human text
// at a marker, and pull an original message's headers out of inline text.
import { type DsnFields, dsnType, dsnValue, parseDsnFields } from "../dsn/parse-dsn-fields.js";
import { type Headers, parseHeaderBlock } from "../mime/header.js";
import type { MailView } from "../mime/mail-view.js";
import { findAddress, isAddress, normaliseAddress } from "../smtp/address.js";
import { findReplyCode, findSmtpCommand, findStatus, preferStatus } from "../smtp/find-codes.js";
import type { Action } from "../types.js";
import type { LhostResult, RawRecipient } from "./types.js";

export { dsnType, dsnValue, parseDsnFields } from "../dsn/parse-dsn-fields.js";
export { findAddress, findAddresses, isAddress, normaliseAddress } from "../smtp/address.js";
export { findReplyCode, findSmtpCommand, findStatus, findStatuses, preferStatus } from "../smtp/find-codes.js";

/** Map the many spellings of RFC 3464 Action values (and common misspellings) to ours. */
export function normaliseAction(value: string | undefined | null): Action | undefined {
  const v = (value ?? "").trim().toLowerCase();
  if (!v) return undefined;
  if (v.startsWith("fail") || v === "failure" || v === "expired" || v === "bounced" || v === "bounce") return "failed";
  if (v.startsWith("delay")) return "delayed";
  if (v.startsWith("deliver") || v === "deliverable") return "delivered";
  if (v.startsWith("relay")) return "relayed";
  if (v.startsWith("expand")) return "expanded";
  return undefined;
}

/** One RFC 3464 per-recipient block as a RawRecipient. */
export function recipientFromDsn(block: DsnFields): RawRecipient | null {
  const finalRcpt = dsnValue(block["final-recipient"]);
  const originalRcpt = dsnValue(block["original-recipient"]);
  const actual = dsnValue(block["x-actual-recipient"]);
  const candidates = [finalRcpt, originalRcpt, actual];
  let address: string | null = null;
  for (const candidate of candidates) {
    if (!candidate) continue;
    const found = isAddress(candidate.replace(/^<|>$/g, "")) ? normaliseAddress(candidate) : findAddress(candidate);
    if (found) {
      address = found;
      break;
    }
  }
  if (!address) return null;
  const diagnostic = block["diagnostic-code"];
  const diagnosticText = dsnValue(diagnostic) ?? (diagnostic ? diagnostic.trim() : null);
  const statusField = block.status?.trim() ?? "";
  const replyCode = findReplyCode(diagnosticText);
  const status = preferStatus(findStatus(statusField), diagnosticText ? findStatus(diagnosticText) : null, replyCode);
  // "Status: 5.2.1 (mailbox disabled, not accepting messages)": an RFC 822 comment after the
  // code (PowerMTA, Sendmail) is the reporting MTA's own reading of it: part of the diagnosis
  const comment = /^\d\.\d{1,3}\.\d{1,3}\s*\(([^()]{1,300})\)/.exec(statusField)?.[1]?.trim() ?? "";
  const diagnosis =
    comment && !diagnosticText?.includes(comment)
      ? [comment, diagnosticText].filter(Boolean).join(" ")
      : diagnosticText;
  return {
    address,
    action: normaliseAction(block.action),
    status,
    replyCode,
    diagnosticCode: diagnosis,
    diagnosticType: dsnType(diagnostic) || null,
    remoteMta: dsnValue(block["remote-mta"]),
    smtpCommand: findSmtpCommand(diagnosticText),
    originalRecipient: originalRcpt ? (findAddress(originalRcpt) ?? originalRcpt) : null,
    lastAttemptDate: block["last-attempt-date"]?.trim() ?? null,
  };
}

// Several modules may ask for the same message's DSN part (a detect that fires, a parse that
// declines, the RFC 3464 fallback): read it once per message.
const DSN_READ = Symbol("readDeliveryStatus");

/**
 * Read the message/delivery-status part (RFC 3464 / RFC 6533) if there is one. Each call returns
 * fresh recipient objects, so a module may change them.
 */
export function readDeliveryStatus(mail: MailView): LhostResult | null {
  const read = mail.derive(DSN_READ, readDeliveryStatusOnce);
  return read && { ...read, recipients: read.recipients.map((r) => ({ ...r })) };
}

function readDeliveryStatusOnce(mail: MailView): LhostResult | null {
  const text = mail.deliveryStatus;
  if (!text) return null;
  const report = parseDsnFields(text);
  const recipients = report.perRecipient.map(recipientFromDsn).filter((r): r is RawRecipient => r !== null);
  if (recipients.length === 0) return null;
  return {
    reportingMta: dsnValue(report.perMessage["reporting-mta"]),
    arrivalDate: report.perMessage["arrival-date"]?.trim() ?? null,
    recipients,
  };
}

/** Text between the first line containing one of `starts` and the first line after it containing one of `ends`. */
export function sliceBetween(text: string, starts: readonly string[], ends: readonly string[]): string | null {
  let from = -1;
  for (const marker of starts) {
    const at = text.indexOf(marker);
    if (at >= 0 && (from < 0 || at < from)) from = at;
  }
  if (from < 0) return null;
  let to = text.length;
  for (const marker of ends) {
    const at = text.indexOf(marker, from + 1);
    if (at >= 0 && at < to) to = at;
  }
  return text.slice(from, to);
}

/**
 * Headers of an original message quoted inline after a marker line (qmail, old Sendmail, many
 * text-only bounces): the first header-looking block after the marker.
 */
export function inlineOriginalHeaders(text: string, markers: readonly string[]): Headers | null {
  for (const marker of markers) {
    const at = text.indexOf(marker);
    if (at < 0) continue;
    const after = text.slice(text.indexOf("\n", at) + 1).replace(/^\s*\n/, "");
    const lines = after.split("\n");
    const block: string[] = [];
    for (const line of lines.slice(0, 400)) {
      if (line.trim() === "") {
        if (block.length > 0) break;
        continue;
      }
      block.push(line.replace(/^[ ]{2,}(?=[A-Za-z-]+:)/, ""));
    }
    const headers = headerBlockFromText(block.join("\n"));
    if (headers.fields.length > 0) return headers;
  }
  return null;
}

/** Header block from a few name/value pairs a text bounce restates ("To:", "Subject:", "Sent:"). */
export function headersFromPairs(pairs: ReadonlyArray<readonly [string, string | null | undefined]>): Headers | null {
  const lines = pairs.filter(([, value]) => value?.trim()).map(([name, value]) => `${name}: ${value!.trim()}`);
  return lines.length > 0 ? headerBlockFromText(lines.join("\n")) : null;
}

/**
 * parseHeaderBlock reads bytes (a binary string); text cut out of a decoded body is already
 * characters, so re-encode it as UTF-8 bytes first or a non-Latin-1 subject would garble.
 */
function headerBlockFromText(text: string): Headers {
  // eslint-disable-next-line no-control-regex
  return parseHeaderBlock(/[^\x00-\x7f]/.test(text) ? Buffer.from(text, "utf8").toString("latin1") : text);
}

/** Build a recipient from a free-text error: address plus codes and command found in that text. */
export function recipientFromText(address: string, text: string, extra: Partial<RawRecipient> = {}): RawRecipient {
  const diagnostic = text.replace(/\s+/g, " ").trim();
  return {
    address: normaliseAddress(address),
    action: "failed",
    status: findStatus(diagnostic),
    replyCode: findReplyCode(diagnostic),
    diagnosticCode: diagnostic || null,
    smtpCommand: findSmtpCommand(text),
    ...extra,
  };
}

/** Case-insensitive "does any of these occur" on a bounded prefix; cheap enough for detect(). */
export function containsAny(text: string | null | undefined, needles: readonly string[], limit = 20000): boolean {
  if (!text) return false;
  const hay = (text.length > limit ? text.slice(0, limit) : text).toLowerCase();
  return needles.some((needle) => hay.includes(needle.toLowerCase()));
}

export interface AddressedError {
  address: string;
  /** "(expanded from <alias>)" in Postfix. */
  alias: string | null;
  diagnosis: string;
}

/**
 * Lines of the form `<user@example.org>: error text` (optionally `(expanded from <a>):`) with
 * indented continuation lines, as Postfix, OpenSMTPD, DragonFly and others write them.
 */
export function addressedErrors(section: string): AddressedError[] {
  const out: AddressedError[] = [];
  let current: AddressedError | null = null;
  for (const line of section.split("\n")) {
    const head = /^\s{0,3}<([^<>\s]+@[^<>\s]+)>(?:\s*\(expanded from <([^<>]*)>\))?\s*:\s?(.*)$/.exec(line);
    if (head) {
      current = {
        address: normaliseAddress(head[1]!),
        alias: head[2] ? normaliseAddress(head[2]) : null,
        diagnosis: head[3]!.trim(),
      };
      out.push(current);
      continue;
    }
    if (current && /^\s+\S/.test(line)) {
      current.diagnosis = `${current.diagnosis} ${line.trim()}`.trim();
      continue;
    }
    if (line.trim() === "") current = null;
  }
  return out;
}

/** Text after the first line that contains every fragment of one of `markers`, in order. */
export function afterMarker(text: string, markers: readonly (readonly string[])[]): string | null {
  let pos = 0;
  for (const line of text.split("\n")) {
    if (markers.some((parts) => inOrderLine(line, parts))) return text.slice(pos + line.length + 1);
    pos += line.length + 1;
  }
  return null;
}

function inOrderLine(line: string, parts: readonly string[]): boolean {
  let at = 0;
  for (const part of parts) {
    const found = line.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}
