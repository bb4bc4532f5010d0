// English notice texts, for staff whose directory entry says `en`. Same structure and promises
// as the Danish texts; Danish product names ("Send sikkert", "Sendt post") are kept as staff see them.
import type { TemplateStrings } from "./template-strings.js";

export const en: TemplateStrings = {
  locale: "en-GB",
  subjectOutbound: (count) =>
    count === 1 ? "[Sikkerhedsnet] Your mail did NOT arrive" : `[Sikkerhedsnet] ${count} of your mails did NOT arrive`,
  subjectInbound: (count) =>
    count === 1
      ? "[Sikkerhedsnet] A mail to you did NOT arrive"
      : `[Sikkerhedsnet] ${count} mails to you did NOT arrive`,
  greeting: (name) => (name ? `Dear ${name}` : "Hello"),
  introOutbound: (count) =>
    count === 1
      ? "The mail described below did not reach all of its recipients."
      : `The ${count} mails described below did not reach all of their recipients. They are gathered in one message because several failed within a short time.`,
  introOnBehalf: (sender, department, why, role) => {
    const reason = why === "left" ? "is marked as having left" : "is not in the staff directory";
    const place = department ? ` in ${department}` : "";
    const you =
      role === "manager"
        ? "You are told as the manager"
        : "You are told as the safety-net team because no manager is registered";
    return `The mail was sent by ${sender}${place}, who ${reason}. ${you}. Please make sure a colleague takes over the case and sends the mail again.`;
  },
  introInbound: (count) =>
    count === 1
      ? "A mail to one of your mailboxes was rejected and never reached case handling. The sender may believe it arrived."
      : `${count} mails to your mailboxes were rejected and never reached case handling. The senders may believe they arrived.`,
  receiptWasWrong:
    'Important: the sending receipt and the copy in "Sendt post" (Sent Items) were wrong. The mail is in Sent Items, but it did not arrive.',
  labels: {
    sender: "Sender",
    sentAt: "Sent",
    failedAt: "Rejected",
    notReached: "Did not reach",
    subject: "Subject (CPR numbers hidden)",
    messageId: "Message-ID",
    why: "Why",
    todo: "What to do now",
    fromDomain: "Sender's domain",
    mailbox: "Mailbox",
    unknownValue: "unknown",
    mail: (index, total) => (total === 1 ? "The mail" : `Mail ${index} of ${total}`),
  },
  causes: {
    "cpr-in-subject": {
      why: "The subject contained a CPR number. The subject is never encrypted, not even in secure mail, so the filter stopped the mail to protect the citizen.",
      todo: 'Send the mail again with "Send sikkert" and no personal data in the subject (no CPR number, no name). Put the CPR number in the body of the mail, which is encrypted.',
    },
    "recipient-unknown": {
      why: "The recipient's address does not exist at the recipient. It may be misspelt, closed or changed.",
      todo: "Find the right secure address (for example on the authority's website or by phone) and send the mail again to it.",
    },
    "recipient-mailbox-full": {
      why: "The recipient's mailbox is full, so their server did not accept the mail.",
      todo: "Send the mail again later. If the case is urgent, contact the recipient another way, for example by phone.",
    },
    "recipient-domain-unknown": {
      why: "The domain in the recipient's address (the part after @) does not exist.",
      todo: "Check the spelling of the address after @, correct it and send the mail again.",
    },
    "tls-required": {
      why: "The mail could not be sent encrypted to the recipient's server, and it must not be sent unencrypted.",
      todo: "Do not send the mail again straight away. If the case is urgent, use another secure channel (for example Digital Post) or phone the recipient.",
    },
    "message-too-large": {
      why: "The mail was too large for the recipient's server, usually because of attachments.",
      todo: "Send the mail again with smaller files, or split the files over several mails.",
    },
    "spam-or-content-filter": {
      why: "The recipient's filter rejected the mail because of its content (spam or content filter).",
      todo: "Do not send the same mail again unchanged. Contact the recipient and agree how it can be sent.",
    },
    virus: {
      why: "An attachment was taken for a virus or a dangerous file.",
      todo: "Do not send the file again. Contact IT support so the file can be examined.",
    },
    "authentication-dmarc": {
      why: "The recipient's server could not confirm that the mail came from us (SPF, DKIM or DMARC). You did nothing wrong.",
      todo: "We have been told. If the case is urgent, use another channel (for example Digital Post or phone).",
    },
    "sender-blocked-reputation": {
      why: "The recipient's server is currently blocking mail from our server. You did nothing wrong.",
      todo: "We have been told. If the case is urgent, use another channel (for example Digital Post or phone).",
    },
    "network-or-dns": {
      why: "The recipient's server could not be reached (a network or DNS fault).",
      todo: "Send the mail again later. If the case is urgent, contact the recipient another way.",
    },
    "gateway-cannot-return": {
      why: "The secure mail service could not deliver the mail and could not send an error message back to you either.",
      todo: "Send the mail again. If it fails again, contact us.",
    },
    "expired-retrying": {
      why: "The mail could not be delivered for as long as the server kept trying, and the server has given up.",
      todo: "Send the mail again. If the case is urgent, contact the recipient another way.",
    },
    "recipient-policy": {
      why: "The recipient's server rejected the mail under its own rules (for example it only accepts mail from certain senders).",
      todo: "Contact the recipient and ask how they want the mail sent.",
    },
    unknown: {
      why: "We cannot tell exactly why the mail was rejected. The failure is registered with us.",
      todo: "Send the mail again. If it fails again, contact us.",
    },
  },
  systemic: {
    why: (key) =>
      `This is not your fault. Many mails are hit by the same fault${key ? ` (incident ${key})` : ""}, and it is being handled centrally.`,
    todo: "Until the fault is fixed: do not send the mail again the same way. If the case is urgent, use another channel (for example Digital Post or phone). Otherwise send the mail again when you hear from us that the fault is fixed.",
  },
  inboundTodo:
    "Contact the sender if you can tell who it is, and ask them to send the mail again. If you do not know the sender, contact us: we can look the failure up.",
  digestNote: (count) => `This message covers ${count} mails.`,
  moreRecipients: (count) =>
    `... and ${count.toLocaleString("en-GB")} more recipients (we hold the full list: contact us)`,
  contact: (contact) => `Questions? Contact ${contact}.`,
  footer: "This message was sent automatically by the municipality's safety net for secure mail. Do not reply to it.",
};
