// Evidence tables for the cause decision: Sisimai reasons, enhanced status codes (RFC 3463 and
// the RFC 7372/8098 additions) and diagnostic phrases seen from Postfix, Exchange and gateways.
import type { Reason } from "@safetynet/core";
import type { Cause } from "./causes.js";

/** Diagnostic phrases that decide a cause whatever the reason says; checked in order. */
export const TEXT_CAUSES: readonly { cause: Cause; pattern: RegExp }[] = [
  // STARTTLS-only receivers (Postfix "Must issue a STARTTLS command first", Exchange 5.7.10).
  {
    cause: "tls-required",
    pattern:
      /starttls|\btls\b.{0,40}(required|mandatory|needed|only)|(requires?|must use|encryption needed).{0,30}\b(tls|encryption)\b|encryption required/,
  },
  // Gateways that cannot hand a message on or back (secure-mail gateways, our own relays).
  // Worded tightly: "unable to deliver: the remote server returned ..." must not match.
  {
    cause: "gateway-cannot-return",
    pattern:
      /(cannot|can't|could not|couldn't|unable to|failed to|not possible to) (be )?return(ed)?\b|(cannot|can't|could not|couldn't|unable to|failed to) (send|pass|hand|deliver|route|relay)( (the|this|your))?( (message|mail|e-?mail))? back\b|return(ing)? (of )?(the )?(message|mail) (to (the )?(sender|originator) )?(failed|not possible)|\bgateway\b.{0,40}(unavailable|not responding|is down|failure)/,
  },
  { cause: "authentication-dmarc", pattern: /\bdmarc\b|\bdkim\b|\bspf\b|5\.7\.2[3-7]|unauthenticated (mail|sender)/ },
  { cause: "virus", pattern: /virus|malware|infected/ },
  {
    cause: "sender-blocked-reputation",
    pattern: /blacklist|blocklist|block list|spamhaus|\brbl\b|\bdnsbl\b|reputation|listed (at|on|in)|poor reputation/,
  },
];

export const REASON_CAUSES: Partial<Record<Reason, Cause>> = {
  userunknown: "recipient-unknown",
  hasmoved: "recipient-unknown",
  mailboxfull: "recipient-mailbox-full",
  hostunknown: "recipient-domain-unknown",
  failedstarttls: "tls-required",
  mesgtoobig: "message-too-large",
  exceedlimit: "message-too-large",
  spamdetected: "spam-or-content-filter",
  contenterror: "spam-or-content-filter",
  filtered: "spam-or-content-filter",
  virusdetected: "virus",
  authfailure: "authentication-dmarc",
  badreputation: "sender-blocked-reputation",
  blocked: "sender-blocked-reputation",
  requireptr: "sender-blocked-reputation",
  speeding: "sender-blocked-reputation",
  toomanyconn: "sender-blocked-reputation",
  networkerror: "network-or-dns",
  expired: "expired-retrying",
  norelaying: "recipient-policy",
  notaccept: "recipient-policy",
  rejected: "recipient-policy",
  policyviolation: "recipient-policy",
  securityerror: "recipient-policy",
  suspend: "recipient-policy",
  syntaxerror: "recipient-policy",
  systemerror: "recipient-policy",
  systemfull: "recipient-policy",
  mailererror: "recipient-policy",
  notcompliantrfc: "recipient-policy",
  onhold: "unknown",
  suppressed: "recipient-policy",
  undefined: "unknown",
};

/** Enhanced status codes that decide a cause when the reason is vague (RFC 3463, 3886, 7372). */
export const STATUS_CAUSES: readonly { pattern: RegExp; cause: Cause }[] = [
  { pattern: /^5\.7\.1[01]$/, cause: "tls-required" },
  { pattern: /^[45]\.1\.[16]$/, cause: "recipient-unknown" },
  { pattern: /^[45]\.1\.2$/, cause: "recipient-domain-unknown" },
  { pattern: /^[45]\.2\.2$/, cause: "recipient-mailbox-full" },
  { pattern: /^[45]\.3\.4$|^[45]\.2\.3$/, cause: "message-too-large" },
  { pattern: /^[45]\.4\.7$/, cause: "expired-retrying" },
  { pattern: /^[45]\.4\.[0-6]$/, cause: "network-or-dns" },
  { pattern: /^[45]\.7\.2[3-7]$/, cause: "authentication-dmarc" },
];

/** Reasons under which a CPR subject explains the refusal (a DLP or content filter said no). */
export const CPR_FILTER_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  "policyviolation",
  "securityerror",
  "contenterror",
  "spamdetected",
  "filtered",
  "rejected",
  "blocked",
  "onhold",
  "undefined",
  "notcompliantrfc",
  "mailererror",
  "systemerror",
]);

/** DLP filter wording (English and Danish) that names the CPR rule itself. */
export const CPR_TEXT =
  /\bcpr\b|personnummer|dlp|data loss|sensitive (data|information)|personal (data|identifier)|personoplysning/;
