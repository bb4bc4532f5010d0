// Yandex.Mail (mailer-daemon@yandex.ru, X-Yandex-Uniq): a Postfix bounce, RFC 3464 part plus the
// Postfix text "<addr>: host X said: ... (in reply to RCPT TO command)" that alone names the command.
import type { MailView } from "../mime/mail-view.js";
import { findSmtpCommand, normaliseAddress, readDeliveryStatus } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const START = "This is the mail system at host yandex.ru.";

export const yandex: LhostModule = {
  name: "yandex",
  detect(mail: MailView): boolean {
    return mail.headers.has("x-yandex-uniq") && /mailer-daemon@yandex\.ru/i.test(mail.from);
  },
  parse(mail: MailView): LhostResult | null {
    const dsn = readDeliveryStatus(mail);
    if (!dsn) return null;
    const commands = commandsByRecipient(mail.text);
    return {
      ...dsn,
      recipients: dsn.recipients.map((recipient) => ({
        ...recipient,
        smtpCommand: recipient.smtpCommand ?? commands.get(recipient.address.toLowerCase()) ?? null,
      })),
    };
  },
};

/** Postfix's per-recipient paragraphs: "<addr>: ..." up to the next "<addr>:" line. */
function commandsByRecipient(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const start = text.indexOf(START);
  if (start < 0) return out;
  let address: string | null = null;
  let block = "";
  const flush = (): void => {
    const command = findSmtpCommand(block.replace(/\s+/g, " "));
    if (address && command) out.set(address.toLowerCase(), command);
  };
  for (const line of text.slice(start).split("\n")) {
    const opened = /^<([^<>\s]{1,300}@[^<>\s]{1,255})>:/.exec(line);
    if (opened) {
      flush();
      address = normaliseAddress(opened[1]!);
      block = line;
    } else if (address && line.trim()) {
      // continuation lines are indented; anything else ends the list
      if (!/^\s/.test(line)) break;
      block += ` ${line}`;
    }
  }
  flush();
  return out;
}
