// The causes a failure is classified into (packages/classifier), as the notice templates know
// them. An unknown cause string falls back to `unknown` rather than producing no notice.
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

export function toCause(value: string | null | undefined): Cause {
  return (CAUSES as readonly string[]).includes(value ?? "") ? (value as Cause) : "unknown";
}

export const LANGUAGES = ["da", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Danish unless the directory says English: the municipality's working language. */
export function toLanguage(value: string | null | undefined): Language {
  return value?.trim().toLowerCase().startsWith("en") ? "en" : "da";
}
