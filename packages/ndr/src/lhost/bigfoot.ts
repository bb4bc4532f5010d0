// Bigfoot (bigfoot.com forwarding, LiteMail): a Sendmail-like RFC 3464 report whose text has the
// session transcript (">>> RCPT TO:<a@b>" / "<<< 553 ...") that alone says which command failed.
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const TRANSCRIPT = /^\s+-+\s*Transcript of session follows/m;

export const bigfoot: LhostModule = {
  name: "bigfoot",
  detect(mail: MailView): boolean {
    return mail.probe.fromLower.includes("@bigfoot.com>") || mail.probe.received.includes(".bigfoot.com ");
  },
  parse(mail: MailView): LhostResult | null {
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    const command = lastCommand(mail.text);
    if (!command) return dsn;
    return {
      ...dsn,
      recipients: dsn.recipients.map((recipient) => ({ ...recipient, smtpCommand: recipient.smtpCommand ?? command })),
    };
  },
};

/** The last ">>> COMMAND" of the transcript; a "<<<" reply with no command before it came at the greeting. */
function lastCommand(text: string): string | null {
  const start = text.search(TRANSCRIPT);
  if (start < 0) return null;
  let command: string | null = null;
  let replied = false;
  for (const line of text.slice(start, start + 20000).split("\n")) {
    const sent = /^>>> ([A-Z]{4})/.exec(line);
    if (sent) command = sent[1]!;
    else if (line.startsWith("<<< ")) replied = true;
  }
  return command ?? (replied ? "EHLO" : null);
}
