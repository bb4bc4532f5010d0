// "X1" (Sisimai's name for an unidentified MTA): from "Mail Deliver System", text "The original
// message was received at ..." then "---The following addresses had delivery errors---" and
// one "addr [error]" line per recipient.
import type { MailView } from "../mime/mail-view.js";
import { recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const LIST = "---The following addresses had delivery errors---";
const RECIPIENT_LINE = /^([^\s@]{1,128}@[^\s@[\]]{1,255})\s+\[([^\]]{1,500})\]/;
// "Warning--Could not send mail for past 8.5 hours": a delay notice, delivery is still retried
const WARNING_SUBJECT = /^Warning--Could not send mail/i;

export const x1: LhostModule = {
  name: "x1",
  detect(mail: MailView): boolean {
    if (!/^"?Mail Deliver(?:y)? System"?/.test(mail.from)) return false;
    return /^(?:Returned Mail: |Mail Delivery Failure|Warning--Could not send mail)/i.test(mail.subject);
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    if (!text.includes(LIST)) return null;
    const lines = text
      .slice(text.indexOf(LIST) + LIST.length)
      .split("\n")
      .slice(0, 1000);
    const received = /^The original message was received at (.+)$/m.exec(text.slice(0, 5000))?.[1]?.trim() ?? null;
    const warning = WARNING_SUBJECT.test(mail.subject);
    const recipients: RawRecipient[] = [];
    for (const line of lines) {
      const match = RECIPIENT_LINE.exec(line.trim());
      if (!match) continue;
      const recipient = recipientFromText(match[1]!, match[2]!);
      if (warning) {
        recipient.action = "delayed";
        recipient.reason = "expired";
      }
      recipients.push(recipient);
    }
    return recipients.length > 0 ? { recipients, arrivalDate: received } : null;
  },
};
