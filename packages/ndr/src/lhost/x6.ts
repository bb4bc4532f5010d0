// "X6" (Sisimai's name for an unidentified gateway): "There was an error sending your mail",
// "N error(s):" then one sentence per failure naming the recipient and the remote reply.
import type { MailView } from "../mime/mail-view.js";
import { findAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = /^\d+\s*error\(s\):/;
const END = "The attachment contains the original mail headers";
// "... returned permanent errors: user@host. Reason: ..." or an address in angle brackets
const ERRORS_ADDRESS = /errors:\s*([^\s@]{1,128}@[^\s@]{1,255})/;
const ANGLED_ADDRESS = /<([^\s@<>]{1,128}@[^\s@<>]{1,255})>/;

export const x6: LhostModule = {
  name: "x6",
  detect(mail: MailView): boolean {
    return mail.subject.startsWith("There was an error sending your mail");
  },
  parse(mail: MailView): LhostResult | null {
    const lines = mail.text.split("\n").slice(0, 2000);
    const start = lines.findIndex((line) => START.test(line.trim()));
    if (start < 0) return null;
    const recipients: RawRecipient[] = [];
    for (const raw of lines.slice(start + 1)) {
      const line = raw.trim();
      if (line.startsWith(END)) break;
      const match = ANGLED_ADDRESS.exec(line) ?? ERRORS_ADDRESS.exec(line);
      const address = match ? findAddress(match[1]!) : null;
      if (!address) continue;
      // "refused to accept your message (DATA)": the command is named in brackets
      const command = /\((HELO|EHLO|MAIL|RCPT|DATA)\)|\b(HELO|EHLO|MAIL|RCPT|DATA)\b/.exec(line);
      recipients.push(recipientFromText(address, line, command ? { smtpCommand: command[1] ?? command[2]! } : {}));
    }
    return recipients.length > 0 ? { recipients } : null;
  },
};
