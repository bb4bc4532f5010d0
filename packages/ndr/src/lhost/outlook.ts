// Outlook.com / Hotmail (consumer, pre-Exchange Online): an RFC 3464 report whose text part says
// in one sentence what happened; the DSN often omits Diagnostic-Code, so that sentence is the evidence.
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const START = "This is an automatically generated Delivery Status Notification";
// Sentences Hotmail writes in the text part, per situation
const SENTENCES = [
  "Unable to deliver message to the following recipients, due to being unable to connect successfully to the destination mail server.",
  "The mail could not be delivered to the recipient because the domain is not reachable.",
  "Delivery to the following recipients has been delayed.",
];

export const outlook: LhostModule = {
  name: "outlook",
  detect(mail: MailView): boolean {
    let score = 0;
    if (mail.subject.includes("Delivery Status Notification")) score++;
    if (mail.headers.has("x-message-delivery")) score++;
    if (mail.headers.has("x-message-info")) score++;
    if (mail.probe.received.includes(".hotmail.com")) score++;
    return score >= 2;
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    if (!text.includes(START)) return null;
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    const sentence = SENTENCES.find((candidate) => text.includes(candidate)) ?? null;
    return {
      ...dsn,
      recipients: dsn.recipients.map((recipient) =>
        recipient.diagnosticCode ? recipient : { ...recipient, diagnosticCode: sentence },
      ),
    };
  },
  reasonRules: [
    // Hotmail's text when no MX/A of the recipient domain answered
    { when: /the domain is not reachable/, reason: "hostunknown" },
    // Hotmail's own wording of a 550 for a missing mailbox
    { when: /requested action not taken: mailbox unavailable/, reason: "userunknown" },
  ],
};
