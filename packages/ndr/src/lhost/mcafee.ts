// McAfee Email and Web Security Appliance (X-NAI-Header: Modified by McAfee ...): "Delivery
// Status" with "<addr>   (error)" lines and an RFC 3464-like part keyed by Original-Recipient.
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "--- The following addresses had delivery problems ---";
const RECIPIENT_LINE = /^<([^<>\s]{1,300}@[^<>\s]{1,255})>\s+\((.{1,1000})\)\s*$/;

export const mcafee: LhostModule = {
  name: "mcafee",
  detect(mail: MailView): boolean {
    return (
      (mail.headers.get("x-nai-header") ?? "").includes("Modified by McAfee") &&
      mail.subject.trim() === "Delivery Status"
    );
  },
  parse(mail: MailView): LhostResult | null {
    const fromText: RawRecipient[] = [];
    const text = mail.text;
    const start = text.indexOf(START);
    if (start >= 0) {
      for (const line of text
        .slice(start + START.length)
        .split("\n")
        .slice(0, 2000)) {
        const match = RECIPIENT_LINE.exec(line.trim());
        if (match) fromText.push(recipientFromText(match[1]!, match[2]!));
      }
    }
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return fromText.length > 0 ? { recipients: fromText } : null;
    // The DSN part has the remote host's full reply; the text line only a summary
    const recipients = dsn.recipients.map((r) => {
      const line = fromText.find((t) => t.address.toLowerCase() === r.address.toLowerCase());
      return line
        ? ({
            ...line,
            ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)),
          } as RawRecipient)
        : r;
    });
    for (const line of fromText)
      if (!recipients.some((r) => r.address.toLowerCase() === line.address.toLowerCase())) recipients.push(line);
    return { ...dsn, recipients };
  },
};
