// RFC 3464 / RFC 6522 delivery status notifications and RFC 6533 global DSNs: the standard path
// and the fallback for every MTA without a module of its own. Also reads DSN fields that broken
// MTAs put in the text part instead of a message/delivery-status part.
import { parseDsnFields } from "../dsn/parse-dsn-fields.js";
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus, recipientFromDsn } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

export const rfc3464: LhostModule = {
  name: "rfc3464",
  detect(mail: MailView): boolean {
    return mail.deliveryStatus !== null || /^(?:Final|Original)-Recipient:/im.test(mail.text.slice(0, 200000));
  },
  parse(mail: MailView): LhostResult | null {
    const fromPart = readDeliveryStatus(mail);
    if (fromPart) return fromPart;
    // DSN fields inline in the text (seen from some appliances and hand-forwarded DSNs)
    const text = mail.text;
    const start = text.search(/^(?:Reporting-MTA|Final-Recipient|Original-Recipient):/im);
    if (start < 0) return null;
    const report = parseDsnFields(text.slice(start));
    const recipients = report.perRecipient.map(recipientFromDsn).filter((r): r is RawRecipient => r !== null);
    return recipients.length > 0 ? { recipients } : null;
  },
};
