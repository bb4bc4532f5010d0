// Google Workspace / Gmail notices without RFC 3464 fields: "** Message not delivered **", a
// sentence on the cause, "The response was:" and the remote or Google's reply. DSNs with
// Final-Recipient fields are left to the RFC 3464 reader.
import type { MailView } from "../mime/mail-view.js";
import { findAddresses, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const START = "** ";

export const googleworkspace: LhostModule = {
  name: "googleworkspace",
  detect(mail: MailView): boolean {
    return (
      mail.probe.fromLower.includes("<mailer-daemon@googlemail.com>") &&
      mail.subject.includes("Delivery Status Notification")
    );
  },
  parse(mail: MailView): LhostResult | null {
    if (/^(?:Final-Recipient|Diagnostic-Code):/im.test(mail.deliveryStatus ?? "")) return null;
    const text = mail.text;
    const start = text.search(/^\*\* .{1,80} \*\*$/m);
    if (start < 0 || !text.startsWith(START, start)) return null;
    const diagnostic = text
      .slice(start, start + 4000)
      .replace(/\s+/g, " ")
      .trim();
    const addresses = chooseRecipients(mail);
    if (addresses.length === 0) return null;
    return { recipients: addresses.map((address) => recipientFromText(address, diagnostic)) };
  },
  reasonRules: [
    // Gmail could not find the mailbox at the recipient's Google domain
    { when: /because the address couldn't be found\. check for typos/, reason: "userunknown" },
    // The sender's own "Send mail as" SMTP route is broken (support.google.com/mail/?p=CustomFromDenied):
    // the message was refused on the sender's side, whoever the recipients were
    { when: /'send mail as' account are misconfigured|\?p=customfromdenied/, reason: "rejected" },
    // The recipient domain publishes a null MX (RFC 7505)
    { when: /null mx/, reason: "notaccept" },
  ],
};

/**
 * X-Failed-Recipients, unless it names nobody the original was sent to: with a broken "Send mail
 * as" route Gmail fills it with an unrelated address, and the whole message failed for its To.
 */
function chooseRecipients(mail: MailView): string[] {
  const failed = findAddresses(mail.headers.get("x-failed-recipients"));
  const original = mail.originalHeaders;
  if (!original) return failed;
  const to = findAddresses(original.getAll("to").join(","));
  const sentTo = new Set([...to, ...findAddresses(original.getAll("cc").join(","))].map((a) => a.toLowerCase()));
  const both = failed.filter((address) => sentTo.has(address.toLowerCase()));
  if (both.length > 0) return both;
  return to.length > 0 ? to : failed;
}
