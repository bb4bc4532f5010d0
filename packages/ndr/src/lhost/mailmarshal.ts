// Trustwave MailMarshal SMTP: 'Undeliverable Mail: "<subject>"', the error after "Could not be
// delivered because of", the addresses after "The following recipients were affected:".
import type { MailView } from "../mime/mail-view.js";
import { findAddress, headersFromPairs, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "Your message:";
const ERROR = "Could not be delivered because of";
const RECIPIENTS = "The following recipients were affected:";
const RECIPIENT_LINE = /^[ \t]{4}([^\s@]{1,128}@[^\s@]{1,255})\s*$/;
// "Additional Information" fields MailMarshal writes as "Name: <value>"
const INFO_FIELD = /^(Original Sender|Sender-MTA|Remote-MTA|Reporting-MTA|Last-Attempt-Date):\s*<([^>]{1,300})>/;

export const mailmarshal: LhostModule = {
  name: "mailmarshal",
  detect(mail: MailView): boolean {
    return mail.subject.startsWith('Undeliverable Mail: "');
  },
  parse(mail: MailView): LhostResult | null {
    const lines = mail.text.split("\n").slice(0, 2000);
    const start = lines.findIndex((line) => line.startsWith(START));
    if (start < 0) return null;
    const error: string[] = [];
    const addresses: string[] = [];
    const info = new Map<string, string>();
    const restated = new Map<string, string>();
    let section: "head" | "error" | "recipients" | "info" = "head";
    for (const line of lines.slice(start + 1)) {
      if (line.startsWith(ERROR)) {
        section = "error";
        continue;
      }
      if (line.startsWith(RECIPIENTS)) {
        section = "recipients";
        continue;
      }
      const field = INFO_FIELD.exec(line.trim());
      if (field) {
        section = "info";
        info.set(field[1]!, field[2]!.trim());
        continue;
      }
      if (section === "head") {
        const header = /^\s+(From|Subject):\s*(.+)$/.exec(line);
        if (header) restated.set(header[1]!, header[2]!.trim());
      } else if (section === "error" && line.trim()) error.push(line.trim());
      else if (section === "recipients") {
        const rcpt = RECIPIENT_LINE.exec(line);
        if (rcpt) addresses.push(rcpt[1]!);
      }
    }
    if (addresses.length === 0) return null;
    const remote = info.get("Remote-MTA") ?? null;
    const recipients = addresses.map(
      (address): RawRecipient => recipientFromText(address, error.join(" "), { remoteMta: remote }),
    );
    return {
      reportingMta: info.get("Reporting-MTA") ?? null,
      recipients,
      originalHeaders: mail.originalHeaders
        ? null
        : headersFromPairs([
            ["From", findAddress(info.get("Original Sender")) ?? restated.get("From")],
            ["Subject", restated.get("Subject")],
          ]),
    };
  },
};
