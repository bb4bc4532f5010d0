// Microsoft Exchange 5.5 / 2000 / 2003 (Internet Mail Service / Internet Mail Connector): a text
// NDR that restates the original's To/Subject/Sent, then "<addr> on <date>" per recipient.
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { headersFromPairs, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// Exchange 5.5 says "did not reach the following recipient(s):", the 4.0 IMC "could not be reached:"
const STARTS = ["did not reach the following recipient(s):", "The following recipient(s) could not be reached:"];
const RECIPIENT_LINE = /^\s*([^\s@]{1,128}@[^\s@]{1,255}) on /;
// "... SMTP=user@host on <date>" when the NDR names the transport type first
const SMTP_RECIPIENT_LINE = /SMTP=([^\s@]{1,128}@[^\s@]{1,255}) on /i;
// Localised NDRs (Danish "den", German "am", ...) keep the layout: "<addr> <word> <date>"
const LOCALISED_RECIPIENT_LINE = /^\s{0,8}([^\s@:<>]{1,128}@[^\s@:]{1,255})\s+\S{1,12}\s+\S/;
// The MSEXCH diagnostic ends with an 8-hex-digit code in brackets, e.g. "(000C05A6) Unknown Recipient"
const MSEXCH_CODE = /\(([0-9A-F]{8})\)\s*(.*)$/;

// The restated original's field names, English and as the Danish/German/French NDRs spell them
const RESTATED: Readonly<Record<string, string>> = {
  to: "To",
  til: "To",
  an: "To",
  à: "To",
  subject: "Subject",
  emne: "Subject",
  betreff: "Subject",
  objet: "Subject",
  sent: "Sent",
  sendt: "Sent",
  gesendet: "Sent",
  envoyé: "Sent",
};

// Exchange's MSEXCH error codes (as listed in Sisimai's Exchange2003 module)
const ERROR_CODES: Readonly<Record<string, Reason>> = {
  "000C05A6": "userunknown", // Unknown Recipient
  "000C0595": "filtered", // Ambiguous Recipient
  "00010256": "systemerror", // Too many recipients
  "000D06B5": "systemerror", // No proxy for recipient (non-SMTP mail)
  "00120270": "networkerror", // Too Many Hops
  "00050311": "contenterror", // Conversion to Internet format failed
  "000502CC": "contenterror", // Conversion to Internet format failed
  "000B0981": "securityerror", // 502 Server does not support AUTH
  "000B099C": "onhold", // Host Unknown, Message exceeds size limit, ... (the text decides)
  "000B09AA": "onhold", // Unable to relay for, Message exceeds size limit, ...
  "000B09B6": "onhold", // Error messages by remote MTA
};

function isExchange(mail: MailView): boolean {
  const headers = mail.headers;
  if (headers.has("x-ms-embedded-report")) return true;
  const mailer = headers.get("x-mailer") ?? "";
  if (
    mailer.startsWith("Internet Mail Service (") ||
    mailer.startsWith("Microsoft Exchange Server Internet Mail Connector")
  )
    return true;
  if ((headers.get("x-mimeole") ?? "").startsWith("Produced By Microsoft Exchange")) return true;
  return mail.probe.received.includes(" with Internet Mail Service (");
}

export const exchange2003: LhostModule = {
  name: "exchange2003",
  detect: isExchange,
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const lines = text.split("\n").slice(0, 2000);
    const dsn = readDeliveryStatus(mail);
    const startAt = findStart(lines);
    // No Exchange 5.5-2003 layout (e.g. a 2007+ NDR that kept the header): leave it to other modules
    if (startAt < 0) return null;
    const localised = !STARTS.some((marker) => lines[startAt]!.includes(marker));

    // The restated original ("To:", "Subject:", "Sent:") sits between "Your message" and the start marker
    const restated = new Map<string, string>();
    for (const line of lines.slice(0, startAt)) {
      const field = /^\s+([^\s:]{2,20}):\s+(.+)$/.exec(line);
      const name = field ? RESTATED[field[1]!.toLowerCase()] : undefined;
      if (field && name && !restated.has(name)) restated.set(name, field[2]!.trim());
    }

    const blocks: Array<{ address: string; lines: string[] }> = [];
    for (const line of lines.slice(startAt + 1)) {
      const match =
        RECIPIENT_LINE.exec(line) ??
        SMTP_RECIPIENT_LINE.exec(line) ??
        (localised ? LOCALISED_RECIPIENT_LINE.exec(line) : null);
      if (match) {
        blocks.push({ address: match[1]!, lines: [] });
        continue;
      }
      const current = blocks.at(-1);
      if (current && line.trim()) current.lines.push(line.trim());
    }
    if (blocks.length === 0) return null;
    const recipients = blocks.map((block) => withDsn(toRecipient(block.address, block.lines), dsn));
    return {
      reportingMta: dsn?.reportingMta ?? null,
      arrivalDate: dsn?.arrivalDate ?? null,
      recipients,
      originalHeaders: mail.originalHeaders
        ? null
        : headersFromPairs([
            ["To", restated.get("To")],
            ["Subject", restated.get("Subject")],
            ["Date", restated.get("Sent")],
          ]),
    };
  },
};

/**
 * The line before the recipients: the English marker, or in a localised NDR (the markers are
 * translated) the first blank line after the restated "To:/Subject:/Sent:" block, provided the
 * NDR carries an MSEXCH diagnostic at all.
 */
function findStart(lines: readonly string[]): number {
  const marked = lines.findIndex((line) => STARTS.some((marker) => line.includes(marker)));
  if (marked >= 0) return marked;
  if (!lines.some((line) => line.trim().startsWith("MSEXCH:"))) return -1;
  const isField = (line: string): boolean => /^\s+[^\s:]{2,20}:\s+\S/.test(line) && !line.trim().startsWith("MSEXCH:");
  let at = lines.findIndex(isField);
  if (at < 0) return -1;
  while (at + 1 < lines.length && isField(lines[at + 1]!)) at++;
  return at;
}

/**
 * Exchange 2000/2003's SMTP connector adds an RFC 3464 part to the same text: its remote reply,
 * status and remote MTA are the server's own words, better than the text's "<host #5.1.1>".
 */
function withDsn(recipient: RawRecipient, dsn: LhostResult | null): RawRecipient {
  const fromDsn = dsn?.recipients.find((r) => r.address.toLowerCase() === recipient.address.toLowerCase());
  if (!fromDsn) return recipient;
  const diagnostic = fromDsn.diagnosticCode ?? recipient.diagnosticCode ?? null;
  return {
    ...recipient,
    action: fromDsn.action ?? recipient.action,
    status: fromDsn.status ?? recipient.status ?? null, // a generic X.0.0 gives way to the reply's code in parse-message.ts
    diagnosticCode: diagnostic,
    diagnosticType: fromDsn.diagnosticType ?? null,
    replyCode: fromDsn.diagnosticCode ? (fromDsn.replyCode ?? null) : (recipient.replyCode ?? null),
    smtpCommand: fromDsn.smtpCommand ?? recipient.smtpCommand ?? null,
    remoteMta: fromDsn.remoteMta ?? null,
    lastAttemptDate: fromDsn.lastAttemptDate ?? null,
  };
}

function toRecipient(address: string, lines: string[]): RawRecipient {
  // The MTS-ID continuation lines are bookkeeping, not part of the error
  const useful = lines.filter((line) => !line.startsWith("The MTS-ID") && !line.startsWith(";l="));
  const msexchAt = useful.findIndex((line) => line.startsWith("MSEXCH:"));
  if (msexchAt < 0) return recipientFromText(address, useful.join(" "));
  // The text after the code may wrap onto the next line ("(000C05A6)\nUnknown Recipient")
  const msexch = [useful[msexchAt]!, ...useful.slice(msexchAt + 1, msexchAt + 2)].join(" ");
  const code = MSEXCH_CODE.exec(useful[msexchAt]!.trim());
  const prose = useful.slice(0, msexchAt).join(" ");
  if (!code) return recipientFromText(address, `${prose} ${msexch}`);
  const message = (code[2] || useful[msexchAt + 1] || "").trim();
  const reason = ERROR_CODES[code[1]!] ?? null;
  // The MSEXCH code is Exchange's own verdict; only the "onhold" codes leave the text to decide
  return recipientFromText(address, `${prose} ${message}`.trim(), {
    reason,
    reasonIsFinal: reason !== null && reason !== "onhold",
  });
}
