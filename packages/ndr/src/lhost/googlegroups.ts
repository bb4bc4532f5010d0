// Google Groups: Gmail's mailer-daemon answers a post to a group that does not exist or does not
// accept the sender, in the sender's language, naming the group only in X-Failed-Recipients.
import type { MailView } from "../mime/mail-view.js";
import { findAddresses, inlineOriginalHeaders } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const ORIGINAL = "----- Original message -----";

export const googlegroups: LhostModule = {
  name: "googlegroups",
  detect(mail: MailView): boolean {
    return (
      mail.probe.fromLower.includes("<mailer-daemon@googlemail.com>") &&
      mail.subject.includes("Delivery Status Notification") &&
      mail.headers.has("x-failed-recipients") &&
      mail.headers.has("x-google-smtp-source")
    );
  },
  parse(mail: MailView): LhostResult | null {
    // The Groups notice is text only; a Gmail DSN to a group address (with a delivery-status
    // part) is an ordinary remote rejection and belongs to the RFC 3464 reader
    if (mail.deliveryStatus !== null) return null;
    const addresses = findAddresses(mail.headers.get("x-failed-recipients"));
    if (addresses.length === 0) return null;
    const text = mail.text;
    const cut = text.indexOf(ORIGINAL);
    const notice = cut >= 0 ? text.slice(0, cut) : text.slice(0, 4000);
    // The notice lists four possible causes as " * " bullets (misspelt name, group deleted, must
    // join first, posting not allowed): all mean the group refused the post. Anything else: unknown.
    const bullets = notice.split("\n").filter((line) => /^ ?\* ?\S/.test(line)).length;
    const diagnostic = notice
      .split(/\n\s*\n/)
      .slice(0, 4)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    return {
      recipients: addresses.map((address) => ({
        address,
        action: "failed",
        diagnosticCode: diagnostic || null,
        reason: bullets === 4 ? "rejected" : null,
      })),
      originalHeaders: mail.originalHeaders ?? inlineOriginalHeaders(text, [ORIGINAL]),
    };
  },
};
