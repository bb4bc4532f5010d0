// Yahoo! Mail (X-YMailISG): a plain-text bounce, "<addr>:" then "Remote host said: <reply>
// [RCPT_TO]" or Yahoo's own error, followed by "--- Below this line is a copy of the message."
// The layout and Yahoo's own errors are qmail's (Sisimai v5 reads Yahoo with its qmail module):
// an error Yahoo wrote itself is read with qmail's table ("Unable to deliver message after
// multiple retries, giving up." is qmail's "Unable to ..." system error, not a queue expiry).
import type { MailView } from "../mime/mail-view.js";
import { qmailMessageReason } from "./qmail.js";
import { inlineOriginalHeaders, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "Sorry, we were unable to deliver your message";
const ORIGINAL = "--- Below this line is a copy of the message.";
// Yahoo names the refused command as a bracketed token at the end: [RCPT_TO], [MAIL_FROM], [DATA]
const COMMAND_TOKEN = /\[(RCPT_TO|MAIL_FROM|DATA|EHLO|HELO|CONNECT)[^\]]{0,20}\]/;
const COMMANDS: Readonly<Record<string, string>> = {
  RCPT_TO: "RCPT",
  MAIL_FROM: "MAIL",
  DATA: "DATA",
  EHLO: "EHLO",
  HELO: "HELO",
  CONNECT: "CONN",
};

export const yahoo: LhostModule = {
  name: "yahoo",
  detect(mail: MailView): boolean {
    return mail.headers.has("x-ymailisg");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const cut = text.indexOf(ORIGINAL, start);
    const recipients: RawRecipient[] = [];
    let address: string | null = null;
    let lines: string[] = [];
    const flush = (): void => {
      if (address) recipients.push(toRecipient(address, lines.join(" ")));
      lines = [];
    };
    for (const line of text
      .slice(start, cut < 0 ? undefined : cut)
      .split("\n")
      .slice(1)) {
      const trimmed = line.trim();
      // "<kijitora@example.org>:" opens one recipient's block (the error may follow on the same line)
      const opened = /^<([^<>\s]{1,300}@[^<>\s]{1,255})>:/.exec(trimmed);
      if (opened) {
        flush();
        address = normaliseAddress(opened[1]!);
        const rest = trimmed.slice(opened[0].length).trim();
        if (rest) lines.push(rest);
        continue;
      }
      if (address && trimmed) lines.push(trimmed);
    }
    flush();
    if (recipients.length === 0) return null;
    return {
      recipients,
      originalHeaders: mail.originalHeaders ?? (cut >= 0 ? inlineOriginalHeaders(text.slice(cut), [ORIGINAL]) : null),
    };
  },
  reasonRules: [
    // Yahoo's own error when the recipient domain publishes no MX: it will not take mail for it
    { when: /no mx record found for domain=/, reason: "notaccept" },
  ],
};

function toRecipient(address: string, block: string): RawRecipient {
  const token = COMMAND_TOKEN.exec(block);
  const diagnostic = block
    .replace(/^Remote host said:\s*/, "")
    .replace(COMMAND_TOKEN, "")
    .trim();
  const extra: Partial<RawRecipient> = {};
  if (token) extra.smtpCommand = COMMANDS[token[1]!] ?? null;
  // "550: 5.2.2 <addr>... Mailbox Full" (no "Remote host said") is also the receiver's RCPT reply
  else if (/<[^<>\s]{1,300}@[^<>\s]{1,255}>/.test(diagnostic)) extra.smtpCommand = "RCPT";
  if (!/^Remote host said:/.test(block)) extra.reason = qmailMessageReason(diagnostic);
  const recipient = recipientFromText(address, diagnostic, extra);
  return { ...recipient, replyCode: recipient.replyCode ?? /^([245]\d\d):/.exec(diagnostic)?.[1] ?? null };
}
