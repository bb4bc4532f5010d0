// OpenSMTPD (OpenBSD smtpd): "Delivery status notification: error|failed|delayed|warning" with a
// text part listing "addr: reason" one per line; 6.x adds a DSN part whose Status is only X.0.0.
import type { MailView } from "../mime/mail-view.js";
import {
  findStatus,
  inlineOriginalHeaders,
  isAddress,
  normaliseAddress,
  readDeliveryStatus,
  recipientFromText,
} from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// "...for the following list of recipients:" (the line break falls inside the phrase in some versions)
const LIST_START = "list of recipients:";
const ORIGINAL = "Below is a copy of the original message:";
// smtpd/bounce.c: a "warning"/"delayed" report says it is only temporary
const TEMPORARY = "this is only a temporary failure report";

export const opensmtpd: LhostModule = {
  name: "opensmtpd",
  detect(mail: MailView): boolean {
    if (!mail.subject.startsWith("Delivery status notification")) return false;
    if (!mail.from.includes("Mailer Daemon <")) return false;
    return (
      mail.probe.received.includes("(OpenSMTPD) with") ||
      mail.text.includes("This is the MAILER-DAEMON, please DO NOT REPLY")
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(LIST_START);
    if (start < 0) return null;
    const cut = text.indexOf(ORIGINAL, start);
    const section = text.slice(start + LIST_START.length, cut < 0 ? undefined : cut);
    const temporary = section.toLowerCase().includes(TEMPORARY);
    const dsn = readDeliveryStatus(mail);
    const recipients: RawRecipient[] = [];
    for (const line of section.split("\n")) {
      // "userunknown@example.jp: 550 5.1.1 <userunknown@example.jp>... User Unknown" (flush left)
      const colon = line.indexOf(": ");
      if (colon < 3 || /^\s/.test(line)) continue;
      const address = line.slice(0, colon);
      if (!isAddress(address)) continue;
      const fromDsn = dsn?.recipients.find((r) => r.address.toLowerCase() === normaliseAddress(address).toLowerCase());
      const diagnostic = line.slice(colon + 2);
      const extra: Partial<RawRecipient> = { action: fromDsn?.action ?? (temporary ? "delayed" : "failed") };
      // The DSN part only says 5.0.0 / 4.0.0; a specific code there (4.4.7) still counts when the text has none
      if (!findStatus(diagnostic) && fromDsn?.status && !/\.0\.0$/.test(fromDsn.status)) extra.status = fromDsn.status;
      recipients.push(recipientFromText(address, diagnostic, extra));
    }
    if (recipients.length === 0) return null;
    return {
      reportingMta: dsn?.reportingMta ?? null,
      recipients,
      originalHeaders: mail.originalHeaders ?? (cut >= 0 ? inlineOriginalHeaders(text.slice(cut), [ORIGINAL]) : null),
    };
  },
  // smtpd's own error strings (mta.c, mta_session.c), written instead of a remote reply
  reasonRules: [
    { when: /envelope expired/, reason: "expired" },
    { when: /invalid domain name|domain does not exist/, reason: "hostunknown" },
    // no MX and no usable A record: the domain takes no mail (RFC 7505 spirit)
    { when: /destination seem to reject all mails|no mx found for (?:domain|destination)/, reason: "notaccept" },
    {
      when: /address family mismatch on destination mxs|loop detected|all routes to destination blocked|bad dns lookup error code|could not retrieve source address|network error on destination mxs|no valid route to (?:remote mx|destination)|temporary failure in mx lookup/,
      reason: "networkerror",
    },
    { when: /could not retrieve credentials/, reason: "securityerror" },
  ],
};
