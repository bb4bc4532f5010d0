// Amazon SES (receiving): a domain whose MX is inbound-smtp.*.amazonaws.com refuses a message by
// a receipt rule's bounce action; SES then sends an RFC 3464 report from the rule's SMTP reply.
import type { MailView } from "../mime/mail-view.js";
import { findStatus, readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const START = "This message could not be delivered.";

export const receivingses: LhostModule = {
  name: "receivingses",
  detect(mail: MailView): boolean {
    // Sent out through SES like any SES mail, but written by the inbound side
    return mail.headers.has("x-ses-outgoing") && (mail.deliveryStatus ?? "").includes("inbound-smtp.");
  },
  parse(mail: MailView): LhostResult | null {
    if (!mail.text.includes(START)) return null;
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    return {
      ...dsn,
      recipients: dsn.recipients.map((recipient) => {
        // "Status: 5.0.0" with the rule's real code only in the text: take the specific one
        if (!/^[45]\.[01]\.0$/.test(recipient.status ?? "")) return recipient;
        return { ...recipient, status: findStatus(recipient.diagnosticCode) ?? recipient.status };
      }),
    };
  },
};
