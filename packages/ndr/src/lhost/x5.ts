// "X5" (Sisimai's name for a gateway that forwards bounces): a notice to "NotificationRecipients"
// from "Mail Delivery Subsystem" that encloses the real RFC 3464 bounce as message/rfc822.
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

export const x5: LhostModule = {
  name: "x5",
  detect(mail: MailView): boolean {
    let score = 0;
    if ((mail.headers.get("to") ?? "").includes("NotificationRecipients")) score++;
    if (mail.from.includes("Mail Delivery Subsystem")) score++;
    if (mail.subject.includes("Mail Delivery Subsystem")) score++;
    return score >= 2;
  },
  parse(mail: MailView): LhostResult | null {
    // The forwarded bounce is the first enclosed message; its own DSN part holds the recipients
    const holder = mail.parts.find((part) => part.message !== null);
    const inner = holder ? mail.enclosed(holder) : null;
    if (!inner) return readDeliveryStatus(mail);
    const result = readDeliveryStatus(inner);
    if (!result) return null;
    return { ...result, originalHeaders: inner.originalHeaders };
  },
};
