// Postfix bounces (bounce(5), src/bounce/bounce_notify_util.c): a text part "This is the mail
// system at host ..." with "<rcpt>: host X said: ... (in reply to RCPT TO command)" lines, and
// usually an RFC 3464 part whose Diagnostic-Code is shorter than the text. Also the postmaster
// notice "Postfix SMTP server: errors from ..." with an In:/Out: transcript.
import type { MailView } from "../mime/mail-view.js";
import {
  addressedErrors,
  afterMarker,
  findAddress,
  findReplyCode,
  findSmtpCommand,
  findStatus,
  parseDsnFields,
  readDeliveryStatus,
  recipientFromDsn,
} from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// Postfix manual, bounce(5): the first line of the human-readable part
const STARTS = [
  ["The ", "Postfix "],
  ["The ", "mail system"],
  ["The ", "program"],
  ["This is the", "Postfix"],
  ["This is the", "mail system"],
] as const;

export const postfix: LhostModule = {
  name: "postfix",
  detect(mail: MailView): boolean {
    if (mail.headers.has("x-aol-ip")) return false; // AOL reuses the Postfix subject
    const subject = mail.subject.trim();
    if (subject === "Undelivered Mail Returned to Sender" || subject.includes("SMTP server: errors from ")) return true;
    if (
      subject === "Delayed Mail (still being retried)" ||
      subject === "Successful Mail Delivery Report" ||
      subject === "Mail Delivery Status Report"
    )
      return true;
    const head = (mail.textParts[0] ?? "").slice(0, 600);
    return /This is the (?:Postfix program|mail system) at host /.test(head);
  },
  parse(mail: MailView): LhostResult | null {
    if (mail.subject.includes("SMTP server: errors from ")) return parseTranscript(mail);
    const notice = mail.textParts[0] ?? "";
    const section = afterMarker(notice, STARTS) ?? "";
    const errors = addressedErrors(section);
    const commands = [...section.replace(/\s+/g, " ").matchAll(/in reply to (.{1,24}?) command/gi)]
      .map((m) => findSmtpCommand(m[1]!))
      .filter((c): c is string => !!c);
    let result = readDeliveryStatus(mail);
    if (!result) {
      // Old Postfix and forwarded notices: DSN fields inline in the text
      const at = notice.search(/^Final-Recipient:/im);
      if (at >= 0) {
        const recipients = parseDsnFields(notice.slice(Math.max(0, notice.lastIndexOf("\n\n", at))))
          .perRecipient.map(recipientFromDsn)
          .filter((r): r is RawRecipient => r !== null);
        if (recipients.length > 0) result = { recipients };
      }
    }
    if (!result) {
      if (errors.length === 0) {
        // "--- Delivery report unavailable ---": the original's To: is the recipient
        if (!section.includes("Delivery report unavailable")) return null;
        const to = findAddress(mail.originalHeaders?.get("to"));
        return to ? { recipients: [{ address: to, action: "failed" }] } : null;
      }
      result = {
        recipients: errors.map((e) => ({ address: e.address, action: "failed", diagnosticCode: e.diagnosis })),
      };
    }
    for (const recipient of result.recipients) {
      const error =
        errors.find((e) => e.address === recipient.address || e.alias === recipient.address) ??
        (errors.length === 1 ? errors[0] : undefined);
      if (recipient.diagnosticType === "x-postfix") recipient.diagnosticType = "smtp";
      if (error) mergeTextError(recipient, error.diagnosis);
      recipient.smtpCommand =
        commands[0] ??
        findSmtpCommand(recipient.diagnosticCode) ??
        (recipient.diagnosticCode?.includes("refused to talk to me:") ? "HELO" : null);
    }
    return result;
  },
};

/** The text part often carries the remote server's full reply where the DSN has a short one. */
function mergeTextError(recipient: RawRecipient, text: string): void {
  const diagnosis = text.replace(/\s+/g, " ").trim();
  if (!diagnosis) return;
  const current = recipient.diagnosticCode ?? "";
  if (!current || /^\d+$/.test(current)) {
    recipient.diagnosticCode = diagnosis;
    recipient.status =
      recipient.status && !recipient.status.endsWith(".0.0")
        ? recipient.status
        : (findStatus(diagnosis) ?? recipient.status);
    recipient.replyCode = recipient.replyCode ?? findReplyCode(diagnosis);
    return;
  }
  let better = false;
  if (!recipient.status || recipient.status.endsWith(".0.0")) {
    const status = findStatus(diagnosis);
    if (status && !status.endsWith(".0.0")) {
      recipient.status = status;
      better = true;
    }
  }
  if (!recipient.replyCode || recipient.replyCode.endsWith("00")) {
    const reply = findReplyCode(diagnosis);
    if (reply && !reply.endsWith("00")) {
      recipient.replyCode = reply;
      better = true;
    }
  }
  // The notice quotes the same reply with Postfix's "(in reply to MAIL FROM command)": that
  // context is part of what the server said (Sisimai's tables key on it), so the fuller text wins
  const context = /\(in reply to [^()]{1,40} command\)/.test(diagnosis) && !current.includes("in reply to");
  if ((better || context) && diagnosis.length >= current.length && diagnosis.includes(current))
    recipient.diagnosticCode = diagnosis;
}

/** "Postfix SMTP server: errors from host": a transcript with In: (client) and Out: (server) lines. */
function parseTranscript(mail: MailView): LhostResult | null {
  const text = mail.textParts[0] ?? "";
  const recipients: RawRecipient[] = [];
  let command = "";
  let argument = "";
  for (const line of text.split("\n")) {
    const input = /^\s*In:\s+([A-Za-z]+)\s*(.*)$/.exec(line);
    if (input) {
      command = input[1]!.toUpperCase();
      argument = input[2]!.trim();
      if (command === "RCPT") {
        const address = findAddress(argument);
        if (address) recipients.push({ address, action: "failed", smtpCommand: "RCPT" });
      }
      continue;
    }
    const output = /^\s*Out:\s+([45]\d\d)[ -](.*)$/.exec(line);
    if (output && recipients.length > 0) {
      const last = recipients[recipients.length - 1]!;
      if (last.diagnosticCode) continue;
      last.replyCode = output[1]!;
      last.diagnosticCode = `${output[1]} ${output[2]!.trim()}`;
      last.status = findStatus(output[2]!);
      last.smtpCommand = command === "RCPT" || command === "DATA" || command === "MAIL" ? command : last.smtpCommand;
    }
  }
  if (recipients.length === 0) {
    const to = findAddress(mail.originalHeaders?.get("to"));
    if (!to) return null;
    recipients.push({ address: to, action: "failed" });
  }
  return { recipients };
}
