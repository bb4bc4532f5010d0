// SendGrid (Return-Path <apps@sendgrid.net>): an RFC 3464 report whose text names the refused
// command ("... User Unknown  in RCPT TO") and whose DSN says "Action: expired" for timeouts.
import type { MailView } from "../mime/mail-view.js";
import { findSmtpCommand, normaliseAddress, parseDsnFields, recipientFromDsn } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This is an automatically generated message from SendGrid.";
// "user:000000:<addr> : 192.0.2.250 : mx.example.jp:[192.0.2.153] : 550 5.1.1 ... in RCPT TO"
const TEXT_LINE =
  /^[^\s:]{1,128}:\d{1,12}:<([^<>\s]{1,300}@[^<>\s]{1,255})> : \S{1,64} : ([A-Za-z0-9.-]{1,255}):\[[0-9a-fA-F.:]{2,45}\] : (.{1,2000})$/;
// SendGrid writes Arrival-Date as "2012-10-31 04-46-42" (its own format, time in US Central)
const ARRIVAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})-(\d{2})-(\d{2})$/;

export const sendgrid: LhostModule = {
  name: "sendgrid",
  detect(mail: MailView): boolean {
    return (
      (mail.headers.get("return-path") ?? "").trim() === "<apps@sendgrid.net>" &&
      mail.subject.includes("Undelivered Mail Returned to Sender")
    );
  },
  parse(mail: MailView): LhostResult | null {
    const dsnText = mail.deliveryStatus;
    if (!dsnText) return null;
    const report = parseDsnFields(dsnText);
    const fromText = readTextLines(mail.text);
    const recipients: RawRecipient[] = [];
    for (const block of report.perRecipient) {
      const recipient = recipientFromDsn(block);
      if (!recipient) continue;
      const line = fromText.get(recipient.address.toLowerCase());
      if (line) {
        recipient.remoteMta ??= line.remoteMta;
        recipient.smtpCommand ??= line.command;
      }
      // RFC 3464 has no "expired" action; SendGrid uses it for messages it gave up retrying
      if (/^\s*expired/i.test(block.action ?? "")) recipient.reason = "expired";
      // "Status: 5.0.0" while the reply text has the real code: parse-message.ts prefers the reply's
      recipients.push(recipient);
    }
    if (recipients.length === 0) return null;
    const arrival = ARRIVAL.exec(
      (report.perMessage["arrival-date"] ?? report.perRecipient[0]?.["arrival-date"] ?? "").trim(),
    );
    return {
      arrivalDate: arrival
        ? `${arrival[1]}-${arrival[2]}-${arrival[3]}T${arrival[4]}:${arrival[5]}:${arrival[6]}-05:00`
        : null,
      recipients,
    };
  },
};

function readTextLines(text: string): Map<string, { remoteMta: string; command: string | null }> {
  const out = new Map<string, { remoteMta: string; command: string | null }>();
  const start = text.indexOf(START);
  if (start < 0) return out;
  for (const line of text.slice(start, start + 20000).split("\n")) {
    const match = TEXT_LINE.exec(line.trim());
    if (!match) continue;
    // "... User Unknown  in RCPT TO" / "in End of DATA"
    const command = / in (?:End of )?([A-Z]{4})\b[^:]{0,20}$/.exec(match[3]!)?.[1] ?? findSmtpCommand(match[3]!);
    out.set(normaliseAddress(match[1]!).toLowerCase(), { remoteMta: match[2]!, command: command ?? null });
  }
  return out;
}
