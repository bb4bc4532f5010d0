// What each cause (the stable list lives in packages/core) means for scope, responsibility and
// the notice: the classifier's knowledge about causes, in one table.
import { CAUSES, type Cause } from "@safetynet/core";

export { CAUSES, type Cause };

/**
 * How a cause relates to scope, before any counting:
 * - individual: the sender can and must fix it (one person's mistake), never a supplier incident;
 * - systemic: the fix lies outside the sender's hands whatever the count (our gateway, a TLS refusal);
 * - threshold: systemic only when many senders (or a rate jump) show a shared fault.
 */
export type CauseNature = "individual" | "systemic" | "threshold";

export interface CauseInfo {
  nature: CauseNature;
  /** Many senders making this same mistake form a `pattern` incident for the team. */
  patternable: boolean;
  description: string;
}

export const CAUSE_INFO: Record<Cause, CauseInfo> = {
  "cpr-in-subject": {
    nature: "individual",
    patternable: true,
    description: "a filter refused the mail because its subject carries a CPR number",
  },
  "recipient-unknown": {
    nature: "individual",
    patternable: true,
    description: "the recipient address does not exist (often mistyped)",
  },
  "recipient-mailbox-full": { nature: "threshold", patternable: false, description: "the recipient's mailbox is full" },
  "recipient-domain-unknown": {
    nature: "individual",
    patternable: false,
    description: "the recipient's domain does not exist or has no mail server",
  },
  "tls-required": {
    nature: "systemic",
    patternable: false,
    description: "the receiving side refuses mail that is not sent over TLS",
  },
  "message-too-large": { nature: "individual", patternable: false, description: "the message exceeds a size limit" },
  "spam-or-content-filter": {
    nature: "threshold",
    patternable: false,
    description: "a spam or content filter refused the message",
  },
  virus: { nature: "threshold", patternable: false, description: "a virus scanner refused the message" },
  "authentication-dmarc": {
    nature: "threshold",
    patternable: false,
    description: "SPF, DKIM or DMARC checks failed for our domain",
  },
  "sender-blocked-reputation": {
    nature: "threshold",
    patternable: false,
    description: "the sending server or domain is blocked, listed or rate-limited",
  },
  "network-or-dns": {
    nature: "threshold",
    patternable: false,
    description: "connection, routing or DNS failure between servers",
  },
  "gateway-cannot-return": {
    nature: "systemic",
    patternable: false,
    description: "our (secure mail) gateway cannot return or pass on a message",
  },
  "expired-retrying": {
    nature: "threshold",
    patternable: false,
    description: "delivery kept failing temporarily until the retry time ran out",
  },
  "recipient-policy": {
    nature: "threshold",
    patternable: false,
    description: "the receiving side refused by its own policy (relaying, disabled account, rules)",
  },
  unknown: { nature: "threshold", patternable: false, description: "the report does not say enough to tell" },
};

export function isCause(value: string): value is Cause {
  return (CAUSES as readonly string[]).includes(value);
}
