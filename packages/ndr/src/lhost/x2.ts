// "X2" (Sisimai's name for an unidentified qmail-derived MTA, seen at Yahoo! Japan and others):
// "Unable to deliver message to the following address(es)." then "<addr>:" and the error text.
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "Unable to deliver message to the following address";
const END = "--- Original message follows.";
const RECIPIENT_LINE = /^<([^<>\s]{1,300}@[^<>\s]{1,255})>:\s*$/;

export const x2: LhostModule = {
  name: "x2",
  detect(mail: MailView): boolean {
    return (
      mail.from.includes("MAILER-DAEMON@") &&
      /^(?:Delivery failure|fail(?:ure|ed) delivery|Permanent Delivery Failure)/i.test(mail.subject)
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const endAt = text.indexOf(END, start);
    const section = text.slice(start, endAt < 0 ? undefined : endAt);
    const recipients: RawRecipient[] = [];
    let address: string | null = null;
    let lines: string[] = [];
    const flush = (): void => {
      if (address) recipients.push(recipientFromText(address, lines.join(" ")));
      lines = [];
    };
    for (const line of section.split("\n").slice(1, 2000)) {
      const match = RECIPIENT_LINE.exec(line);
      if (match) {
        flush();
        address = match[1]!;
      } else if (address && line.trim()) lines.push(line.trim());
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients, originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, [END]) };
  },
  reasonRules: [
    // qmail-send's give-up line: the message stayed in the queue past queuelifetime
    { when: /this message has been in the queue too long/, reason: "expired" },
  ],
};
