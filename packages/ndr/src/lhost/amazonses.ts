// Amazon SES (sending): RFC 3464 bounces from *.smtp-out.amazonses.com, and the JSON bounce,
// complaint and delivery notifications SES publishes through SNS ("AWS Notification Message").
import { Headers } from "../mime/header.js";
import type { MailView } from "../mime/mail-view.js";
import { findReplyCode, findStatus, isAddress, normaliseAddress, readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

export const amazonses: LhostModule = {
  name: "amazonses",
  detect(mail: MailView): boolean {
    // Amazon WorkMail relays through SES and carries the same headers; it has its own module
    if ((mail.headers.get("x-mailer") ?? "").includes("Amazon WorkMail")) return false;
    return (
      mail.headers.has("x-amz-sns-message-id") ||
      mail.headers.has("x-ses-outgoing") ||
      mail.headers.has("x-aws-outgoing")
    );
  },
  parse(mail: MailView): LhostResult | null {
    if (mail.text.trimStart().startsWith("{"))
      return mail.headers.has("x-amz-sns-message-id") ? readNotification(mail.text) : null;
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    return { ...dsn, recipients: dsn.recipients.map(refineSesStatus) };
  },
  reasonRules: [
    // SES gives up after its retry window: "554 4.4.7 Message expired: unable to deliver in 840 minutes.<...>"
    { when: /message expired: unable to deliver in|delivery expired/, reason: "expired" },
  ],
};

/**
 * SES writes "Status: 5.0.0" and puts the receiver's answer in the text ("5.3.0 - Other mail
 * system problem 550-'5.7.1 ...'"), and on expiry appends the last remote reply in angle
 * brackets: that inner reply is the real evidence.
 */
export function refineSesStatus(recipient: RawRecipient): RawRecipient {
  const text = recipient.diagnosticCode ?? "";
  const lastReply = /\.\s*<([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}[^<>]{0,300})>\s*$/.exec(text.slice(-400));
  if (lastReply)
    return {
      ...recipient,
      status: findStatus(lastReply[1]) ?? recipient.status,
      replyCode: findReplyCode(lastReply[1]) ?? recipient.replyCode,
    };
  if (!/^[45]\.[01]\.0$/.test(recipient.status ?? "")) return recipient;
  const quoted = /["'](\d\.\d{1,3}\.\d{1,3}[^"']{0,500})["']/.exec(text);
  return { ...recipient, status: findStatus(quoted ? quoted[1] : text) ?? recipient.status };
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

/** SNS wraps lines longer than ~1000 characters with a trailing "!" and a leading space on the next line. */
function jsonFromBody(text: string): Json | null {
  let json = "";
  let folded = false;
  for (let line of text.split("\n")) {
    if (line === "--" || line === "__END_OF_EMAIL_MESSAGE__") break;
    if (folded) line = line.slice(1);
    folded = line.endsWith("!");
    json += folded ? line.slice(0, -1) : line;
  }
  try {
    const outer = asObject(JSON.parse(json));
    // An SNS envelope carries the SES payload as a JSON string in "Message"
    return typeof outer.Message === "string" ? asObject(JSON.parse(outer.Message)) : outer;
  } catch {
    return null;
  }
}

// docs.aws.amazon.com/ses/latest/dg/notification-contents.html: the subtypes that name a cause.
// Suppressed / OnAccountSuppressionList: SES did not even try, the address is on a suppression list.
const SUBTYPE_REASON: Readonly<Record<string, RawRecipient["reason"]>> = {
  MailboxFull: "mailboxfull",
  MessageTooLarge: "mesgtoobig",
  Suppressed: "suppressed",
  OnAccountSuppressionList: "suppressed",
};

function readNotification(text: string): LhostResult | null {
  const payload = jsonFromBody(text);
  if (!payload) return null;
  const type = asString(payload.notificationType) ?? asString(payload.eventType);
  const mail = asObject(payload.mail);
  const recipients: RawRecipient[] = [];
  if (type === "Bounce") {
    const bounce = asObject(payload.bounce);
    const reason = SUBTYPE_REASON[asString(bounce.bounceSubType) ?? ""];
    for (const entry of asArray(bounce.bouncedRecipients).map(asObject)) {
      const address = asString(entry.emailAddress);
      if (!address || !isAddress(address)) continue;
      const diagnostic = asString(entry.diagnosticCode) ?? "";
      const semi = diagnostic.indexOf(";");
      const text = semi > 0 && semi < 20 ? diagnostic.slice(semi + 1).trim() : diagnostic;
      recipients.push({
        address: normaliseAddress(address),
        action:
          asString(bounce.bounceType) === "Transient" && asString(entry.action) === "delayed" ? "delayed" : "failed",
        status: findStatus(asString(entry.status)) ?? findStatus(text),
        diagnosticCode: text || null,
        diagnosticType: semi > 0 && semi < 20 ? diagnostic.slice(0, semi).trim() : null,
        reason: reason ?? null,
        lastAttemptDate: asString(bounce.timestamp),
      });
    }
    return finish(recipients, asString(bounce.reportingMTA)?.replace(/^dns;\s*/i, "") ?? null, mail);
  }
  if (type === "Complaint") {
    const complaint = asObject(payload.complaint);
    for (const entry of asArray(complaint.complainedRecipients).map(asObject)) {
      const address = asString(entry.emailAddress);
      if (!address || !isAddress(address)) continue;
      recipients.push({
        address: normaliseAddress(address),
        action: "complained",
        reason: "feedback",
        feedbackType: asString(complaint.complaintFeedbackType) ?? "abuse",
      });
    }
    const result = finish(recipients, null, mail);
    return result ? { ...result, kind: "feedback" } : null;
  }
  if (type === "Delivery") {
    const delivery = asObject(payload.delivery);
    const response = asString(delivery.smtpResponse);
    for (const address of asArray(delivery.recipients)) {
      if (typeof address !== "string" || !isAddress(address)) continue;
      recipients.push({
        address: normaliseAddress(address),
        action: "delivered",
        diagnosticCode: response,
        status: findStatus(response),
        replyCode: findReplyCode(response),
      });
    }
    return finish(recipients, asString(delivery.reportingMTA), mail);
  }
  return null;
}

function finish(recipients: RawRecipient[], reportingMta: string | null, mail: Json): LhostResult | null {
  if (recipients.length === 0) return null;
  // The original's headers come as [{name, value}] in "mail.headers"
  const fields = asArray(mail.headers)
    .map(asObject)
    .filter((h) => asString(h.name) && typeof h.value === "string")
    .map((h) => ({ name: String(h.name).toLowerCase(), value: String(h.value) }));
  if (!fields.some((f) => f.name === "message-id") && asString(mail.messageId))
    fields.push({ name: "message-id", value: String(mail.messageId) });
  return {
    reportingMta,
    arrivalDate: asString(mail.timestamp),
    recipients,
    originalHeaders: fields.length ? new Headers(fields) : null,
  };
}
