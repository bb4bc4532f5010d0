// The stable cause list: why one recipient failed, in words staff and suppliers share. Names
// never change once shipped (reports, notices and webhooks carry them); add new ones at the end.
// Kept here (no I/O) so the classifier that decides a cause and the notices that explain it share one list.
export const CAUSES = [
  "cpr-in-subject",
  "recipient-unknown",
  "recipient-mailbox-full",
  "recipient-domain-unknown",
  "tls-required",
  "message-too-large",
  "spam-or-content-filter",
  "virus",
  "authentication-dmarc",
  "sender-blocked-reputation",
  "network-or-dns",
  "gateway-cannot-return",
  "expired-retrying",
  "recipient-policy",
  "unknown",
] as const;
export type Cause = (typeof CAUSES)[number];
