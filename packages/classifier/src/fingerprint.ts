// Versioned fingerprints (Sentry-style grouping keys): which dimensions identify "the same fault"
// depends on the cause, so the recipe per cause is data; bump the version when a recipe changes.
import { createHash } from "node:crypto";
import type { Responsible } from "@safetynet/core";
import type { Cause } from "./causes.js";
import { type FailedHop, hopGrouping } from "./decide-failed-hop.js";
import { normaliseHost } from "./host-pattern.js";

/** 2: connection and TLS faults follow the hop that failed; a full mailbox is one mailbox. */
export const FINGERPRINT_VERSION = 2;

type Dimension =
  | "responsible"
  | "reportingHost"
  | "recipientDomain"
  | "recipientAddress"
  | "statusClass"
  | "diagnostic";

/**
 * Why each recipe looks as it does:
 * - cpr-in-subject: one DLP rule, whoever reported it, is one mistake (the 913 case).
 * - recipient-unknown: "the same mistake" is the same wrong address used by many senders.
 * - our-side causes (gateway, reputation, DMARC): the reporting host is the component at fault.
 * - receiver-side causes: the recipient domain is the component; our relay names do not matter.
 * - filters and vague refusals: the words of the refusal tell one filter rule from another.
 * - a full mailbox is that mailbox (a shared one fills up for everybody writing to it).
 * Connection, timeout and TLS faults do not use these recipes: see `hopParts`.
 */
export const FINGERPRINT_RECIPES: Record<Cause, readonly Dimension[]> = {
  "cpr-in-subject": ["responsible"],
  "recipient-unknown": ["responsible", "recipientAddress"],
  "recipient-mailbox-full": ["responsible", "recipientAddress"],
  "recipient-domain-unknown": ["responsible", "recipientDomain"],
  "tls-required": ["responsible", "recipientDomain"],
  "message-too-large": ["responsible", "recipientDomain"],
  "spam-or-content-filter": ["responsible", "reportingHost", "recipientDomain", "statusClass", "diagnostic"],
  virus: ["responsible", "recipientDomain", "diagnostic"],
  "authentication-dmarc": ["responsible", "reportingHost", "statusClass"],
  "sender-blocked-reputation": ["responsible", "reportingHost", "statusClass"],
  "network-or-dns": ["responsible", "recipientDomain", "statusClass"],
  "gateway-cannot-return": ["responsible", "reportingHost"],
  "expired-retrying": ["responsible", "recipientDomain"],
  "recipient-policy": ["responsible", "recipientDomain", "statusClass", "diagnostic"],
  unknown: ["responsible", "reportingHost", "recipientDomain", "statusClass", "diagnostic"],
};

export interface FingerprintInput {
  cause: Cause;
  responsible: Responsible;
  reportingHost: string | null;
  recipient: string;
  recipientDomain: string | null;
  status: string | null;
  replyCode: string | null;
  diagnostic: string | null;
  /** The hop that failed (decideFailedHop); absent: the cause's recipe alone. */
  hop?: FailedHop;
}

/** Diagnostic text with what differs per message removed: addresses, ids, hosts' numbers, codes. */
export function normaliseDiagnostic(text: string | null): string {
  if (!text) return "";
  return text
    .toLowerCase()
    .replace(/[a-z0-9._%+=-]+@[a-z0-9.-]+/g, "<addr>")
    .replace(/<[^>]*>/g, "<>")
    .replace(/https?:\/\/\S+/g, "<url>")
    .replace(/\[[0-9a-f.:]+\]|\b\d{1,3}(\.\d{1,3}){3}\b/g, "<ip>")
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b/g, "<id>")
    .replace(/\b[a-z0-9]*\d[a-z0-9]*\b/g, "#")
    .replace(/[^a-z#<>.:; -]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
}

export function statusClass(status: string | null, replyCode: string | null): string {
  return status?.[0] ?? replyCode?.[0] ?? "?";
}

export function fingerprintParts(input: FingerprintInput): string[] {
  const hop = hopParts(input);
  if (hop) return [`v${FINGERPRINT_VERSION}`, ...hop];
  const parts = [`v${FINGERPRINT_VERSION}`, input.cause];
  for (const dimension of FINGERPRINT_RECIPES[input.cause]) {
    if (dimension === "responsible") parts.push(input.responsible);
    else if (dimension === "reportingHost") parts.push(normaliseHost(input.reportingHost) ?? "-");
    else if (dimension === "recipientDomain") parts.push(input.recipientDomain ?? "-");
    else if (dimension === "recipientAddress") parts.push(input.recipient.trim().toLowerCase());
    else if (dimension === "statusClass") parts.push(statusClass(input.status, input.replyCode));
    else parts.push(normaliseDiagnostic(input.diagnostic));
  }
  return parts;
}

/**
 * A connection, timeout or TLS fault is a fault of the hop, not of the message: the same relay
 * outage shows up as `expired-retrying` (4.4.1 after the retries), `network-or-dns` (5.4.x) or a
 * TLS handshake failure, to many recipient domains. So the cause and status stay out: a relay
 * shared by many recipient domains groups by its host (and owner), the recipient's own MX by the
 * recipient domain. Our gateway's own faults (gateway-cannot-return) and individual causes keep
 * their recipes; the reporting host is the component there.
 */
function hopParts(input: FingerprintInput): string[] | null {
  const by = hopGrouping(input.cause, input.hop);
  if (!by || !input.hop) return null;
  // The host is the identity (its owner follows from it): an owner found only for some recipients
  // (a rule or a supplier's `domains`) must not split one relay's outage.
  if (by === "host") return ["hop", input.hop.fault, hopHostKey(input.hop.host ?? "-")];
  return ["hop-domain", input.hop.fault, input.responsible, input.recipientDomain ?? "-"];
}

/** Numbered members of one cluster are one host; a bare address stays itself (not "ip-literal"). */
function hopHostKey(host: string): string {
  return /^\[|^[\d.]+$|:/.test(host) ? host : (normaliseHost(host) ?? host);
}

/** 16 hex characters of SHA-256: short enough to show staff, long enough never to collide here. */
export function fingerprint(input: FingerprintInput): string {
  return createHash("sha256").update(fingerprintParts(input).join("\u0000")).digest("hex").slice(0, 16);
}
