// amavisd-new (content filter in front of Postfix and others): an RFC 3464 report from
// "Content-filter at <host>"; the text part adds the header defects amavis found in the message.
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

// amavisd-new check_header_validity(): the "bad header" findings it lists in the notification
const HEADER_DEFECTS =
  /^(?:Duplicate header field|Missing required header field|Improper use of control character|Non-encoded 8-bit data|Improper folded header field|Header line longer than)\b.{0,200}$/gm;

export const amavis: LhostModule = {
  name: "amavis",
  detect(mail: MailView): boolean {
    return mail.from.startsWith('"Content-filter at ') || mail.from.startsWith("Content-filter at ");
  },
  parse(mail: MailView): LhostResult | null {
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    const defects = [...new Set(mail.text.slice(0, 100000).match(HEADER_DEFECTS) ?? [])].map((line) => line.trim());
    if (defects.length === 0) return dsn;
    // The header defect is why the message was stopped; keep it with the remote text
    const recipients = dsn.recipients.map((r) => ({
      ...r,
      diagnosticCode: [r.diagnosticCode, ...defects].filter(Boolean).join(" "),
    }));
    return { ...dsn, recipients };
  },
  reasonRules: [
    // amavisd-new's own reject texts ("Reject, id=... - SPAM", "- INFECTED", "- BAD HEADER: ...")
    { when: / - bad header:/, reason: "contenterror" },
    { when: /duplicate header field/, reason: "notcompliantrfc" },
    { when: / - infected/, reason: "virusdetected" },
    { when: / - spam/, reason: "spamdetected" },
    { when: / - message size exceeds recipient/, reason: "exceedlimit" },
    {
      when: / - (?:temporary mta failure on relaying|rejected by next-hop mta on relaying|unable to relay message back to mta)/,
      reason: "systemerror",
    },
  ],
};
