// Sendmail (sendmail/savemail.c, deliver.c): "----- The following addresses had permanent fatal
// errors -----" then "----- Transcript of session follows -----" with ">>> RCPT To:<...>" and
// "<<< 550 ..." lines, plus an RFC 3464 part (or its fields inline in old versions).
import type { MailView } from "../mime/mail-view.js";
import {
  findAddress,
  findReplyCode,
  findSmtpCommand,
  findStatus,
  parseDsnFields,
  readDeliveryStatus,
  recipientFromDsn,
} from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

export const sendmail: LhostModule = {
  name: "sendmail",
  detect(mail: MailView): boolean {
    const subject = mail.subject;
    if (/see transcript for details|^Returned mail: |^Warning: could not send message/i.test(subject)) return true;
    return (
      /Mail Delivery Subsystem/.test(mail.from) &&
      /----- (?:The following addresses had|Transcript of session follows)/.test(mail.text.slice(0, 20000))
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text.replace(/^> /gm, "").replace(/^>$/gm, ""); // forwarded copies quote with "> "
    let result = readDeliveryStatus(mail);
    if (!result) {
      const at = text.search(/^(?:Reporting-MTA|Final-Recipient):/im);
      if (at >= 0) {
        const recipients = parseDsnFields(text.slice(at))
          .perRecipient.map(recipientFromDsn)
          .filter((r): r is RawRecipient => r !== null);
        if (recipients.length > 0) result = { recipients };
      }
    }
    const transcript = readTranscript(text);
    if (!result) {
      const fatal =
        /----- The following addresses had permanent fatal errors -----\n([\s\S]*?)(?:\n\s*\n|-----)/.exec(text)?.[1] ??
        "";
      const address = findAddress(fatal);
      if (!address) return null;
      result = {
        recipients: [{ address, action: "failed", diagnosticCode: /\(reason: ([^)]*)\)/.exec(fatal)?.[1] ?? null }],
      };
    }
    for (const recipient of result.recipients) {
      const reasonLine = new RegExp(`<${escapeRegExp(recipient.address)}>\\s*\\n?\\s*\\(reason: ([^)]*)\\)`, "i").exec(
        text,
      )?.[1];
      const fromTranscript = transcript.errors.join(" ");
      const better = [fromTranscript, reasonLine ?? ""].find((candidate) => candidate && findReplyCode(candidate));
      const current = (recipient.diagnosticCode ?? "").replace(/\s+/g, " ").trim();
      const candidate = (better ?? "").replace(/\s+/g, " ").trim();
      if (!current) recipient.diagnosticCode = candidate || fromTranscript || null;
      // The transcript holds the whole multi-line reply where the DSN kept its first line only
      else if (candidate.length > current.length && candidate.toLowerCase().includes(current.toLowerCase()))
        recipient.diagnosticCode = candidate;
      recipient.smtpCommand = transcript.command ?? findSmtpCommand(recipient.diagnosticCode);
      if (recipient.status?.endsWith(".0.0") || !recipient.status)
        recipient.status = findStatus(recipient.diagnosticCode) ?? recipient.status;
      recipient.remoteMta ??= transcript.host;
    }
    return result;
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "... while talking to host:", ">>> RCPT To:<a>", "<<< 550 5.1.1 ...", or bare error lines. */
function readTranscript(text: string): { command: string | null; errors: string[]; host: string | null } {
  const start = text.indexOf("----- Transcript of session follows -----");
  if (start < 0) return { command: null, errors: [], host: null };
  let section = text.slice(start + 41);
  const end = section.search(/\n\s*-----|\n--\S|\nReporting-MTA:|\nFinal-Recipient:|\nContent-Type:/i);
  if (end >= 0) section = section.slice(0, end);
  let command: string | null = null;
  let host: string | null = null;
  const errors: string[] = [];
  for (const raw of section.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const talking = /^\.\.\. while talking to ([^\s:]+?)\.?:/.exec(line);
    if (talking) {
      host = talking[1]!;
      continue;
    }
    if (line.startsWith(">>>")) {
      if (errors.length > 0) break; // the reply to the failing command has been read
      command = findSmtpCommand(line.slice(3).trim().toUpperCase().slice(0, 12)) ?? command;
      continue;
    }
    if (line.startsWith("<<<")) {
      errors.push(line.slice(3).trim());
      continue;
    }
    if (errors.length === 0 || !/^\d{3} /.test(line)) errors.push(line);
  }
  return { command, errors, host };
}
