// "X3" (Sisimai's name for an unidentified MTA): "Delivery status notification" from "Mail
// Delivery System", a boxed text listing "* addr" and "Technical details:" ("SMTP:RCPT host ...").
import type { MailView } from "../mime/mail-view.js";
import { findStatus, normaliseAddress, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This is an automatically generated Delivery Status Notification.";
const RECIPIENT_LINE = /^\s+\*\s+([^\s@]{1,128}@[^\s@]{1,255})\s*$/;
// "Delivery to the following recipients was aborted after 5.0 hour(s):" (also spelled "Delevery")
const ABORTED = /recipients was aborted after /;
// "SMTP:RCPT host 192.0.2.8: 553 ...", "Routing: Could not find a gateway for ..."
const DETAIL_LINE = /^(?:SMTP:([A-Za-z]{4})\s+(.+)|Routing:\s*(.+)|Diagnostic-Code:\s*smtp;\s*(.+))$/;

export const x3: LhostModule = {
  name: "x3",
  detect(mail: MailView): boolean {
    return mail.from.startsWith("Mail Delivery System") && mail.subject.startsWith("Delivery status notification");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const listed: Array<{ address: string; aborted: boolean }> = [];
    const details: Array<{ command: string | null; text: string }> = [];
    let aborted = false;
    for (const line of text.slice(start).split("\n").slice(1, 2000)) {
      if (ABORTED.test(line)) aborted = true;
      else if (/recipients failed permanently/.test(line)) aborted = false;
      const rcpt = RECIPIENT_LINE.exec(line);
      if (rcpt) {
        listed.push({ address: normaliseAddress(rcpt[1]!), aborted });
        continue;
      }
      const detail = DETAIL_LINE.exec(line.trim());
      if (detail)
        details.push({
          command: detail[1]?.toUpperCase() ?? null,
          text: (detail[2] ?? detail[3] ?? detail[4])!.trim(),
        });
    }
    if (listed.length === 0) return null;
    const dsn = readDeliveryStatus(mail);
    const recipients = listed.map(({ address, aborted: wasAborted }, i): RawRecipient => {
      const fromDsn = dsn?.recipients.find((r) => r.address.toLowerCase() === address.toLowerCase());
      const detail =
        details.length === listed.length
          ? details[i]
          : (details.find((d) => d.text.toLowerCase().includes(address.toLowerCase())) ?? details[0]);
      const diagnostic = detail?.text ?? fromDsn?.diagnosticCode ?? "";
      const recipient = recipientFromText(address, diagnostic, detail?.command ? { smtpCommand: detail.command } : {});
      // The remote reply's code is what happened; the DSN Status field of this MTA can disagree with it
      recipient.status = findStatus(diagnostic) ?? fromDsn?.status ?? null;
      // "was aborted after N hour(s)": the MTA gave up retrying
      if (wasAborted) recipient.reason = "expired";
      return recipient;
    });
    return { reportingMta: dsn?.reportingMta ?? null, arrivalDate: dsn?.arrivalDate ?? null, recipients };
  },
};
