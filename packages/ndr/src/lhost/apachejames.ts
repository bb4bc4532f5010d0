// Apache James: a text bounce ("Error: ...", "Error message below:", the remote reply) followed
// by "Message details:" with the original's envelope indented two spaces ("  RCPT TO: addr",
// "  MAIL FROM:", "  Subject:", "  Sent date:"). Recognised by its "[BOUNCE]" subject, a
// JavaMail Message-ID or a "JAMES SMTP Server" Received field (Sisimai's Lhost::ApacheJames).
import type { MailView } from "../mime/mail-view.js";
import { findAddress, headersFromPairs, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const DETAILS = "Message details:";

export const apachejames: LhostModule = {
  name: "apachejames",
  detect(mail: MailView): boolean {
    return (
      mail.probe.subject.trim() === "[BOUNCE]" ||
      mail.probe.messageId.includes(".JavaMail.") ||
      mail.probe.received.includes("JAMES SMTP Server")
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const at = text.indexOf(DETAILS);
    if (at < 0) return null;
    // Everything above the details is the error: "Error: Invalid user address" and the reply
    const diagnosis = text
      .slice(0, at)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .join(" ");
    const details = text.slice(at + DETAILS.length, at + DETAILS.length + 20000).split("\n");
    const recipients: RawRecipient[] = [];
    let subject: string | null = null;
    let sender: string | null = null;
    let from: string | null = null;
    let date: string | null = null;
    for (const line of details) {
      if (line.startsWith("  RCPT TO: ")) {
        const address = findAddress(line.slice(11));
        if (address) recipients.push(recipientFromText(address, diagnosis));
      } else if (line.startsWith("  Subject: ")) subject ??= line.slice(11).trim();
      else if (line.startsWith("  MAIL FROM: ")) sender ??= line.slice(13).trim();
      else if (line.startsWith("  From: ")) from ??= line.slice(8).trim();
      else if (line.startsWith("  Sent date: ")) date ??= line.slice(13).trim();
    }
    if (recipients.length === 0) return null;
    return {
      recipients,
      originalHeaders:
        mail.originalHeaders ??
        headersFromPairs([
          ["From", from ?? sender],
          ["Subject", subject],
          ["Date", date],
          ["Return-Path", sender ? `<${sender}>` : null],
        ]),
    };
  },
};
