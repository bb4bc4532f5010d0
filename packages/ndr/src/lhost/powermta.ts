// PowerMTA (Port25 / SparkPost): "Delivery report" with an RFC 3464 part that carries PowerMTA's
// own bounce classification per recipient in "X-PowerMTA-BounceCategory:".
import type { Reason } from "@safetynet/core";
import { parseDsnFields } from "../dsn/parse-dsn-fields.js";
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

// PowerMTA's documented bounce categories (bounce-category-patterns) that name one cause
const CATEGORIES: Readonly<Record<string, Reason>> = {
  "bad-domain": "hostunknown",
  "bad-mailbox": "userunknown",
  "inactive-mailbox": "suspend",
  "message-expired": "expired",
  "no-answer-from-host": "networkerror",
  "policy-related": "policyviolation",
  "quota-issues": "mailboxfull",
  "routing-errors": "systemerror",
  "spam-related": "spamdetected",
};

export const powermta: LhostModule = {
  name: "powermta",
  detect(mail: MailView): boolean {
    return mail.subject.includes("Delivery report") && (mail.deliveryStatus ?? "").includes("X-PowerMTA-");
  },
  parse(mail: MailView): LhostResult | null {
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    const blocks = parseDsnFields(mail.deliveryStatus ?? "").perRecipient;
    const recipients = dsn.recipients.map((r) => {
      const block = blocks.find((b) =>
        (b["final-recipient"] ?? b["original-recipient"] ?? "").toLowerCase().includes(r.address.toLowerCase()),
      );
      const category = (block?.["x-powermta-bouncecategory"] ?? "").trim().toLowerCase();
      const reason = CATEGORIES[category];
      // PowerMTA matched the reply against its own category patterns: a hint, as in Sisimai, that
      // stands at its place in the shared order (a "bad-mailbox" whose status comment says
      // "mailbox disabled" is a suspended account, which the shared order checks first)
      return reason ? { ...r, reason } : r;
    });
    return { ...dsn, recipients };
  },
};
