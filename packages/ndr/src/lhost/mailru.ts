// Mail.ru (@mail.ru, corp.mail.ru, smailru.net): an Exim bounce, "The following address(es)
// failed:" then each address (indented 2) with Exim's or the remote host's error (indented 4).
import type { MailView } from "../mime/mail-view.js";
import {
  findAddresses,
  findReplyCode,
  findStatus,
  inlineOriginalHeaders,
  isAddress,
  normaliseAddress,
  recipientFromText,
} from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This message was created automatically by mail delivery software.";
const ORIGINAL = "------ This is a copy of the message, including all the headers. ------";
// Exim: "SMTP error from remote mail server after RCPT TO:<a@b>:" / "... after end of data:"
const AFTER_COMMAND = /SMTP error from remote (?:mail server|mailer) after (end of data|[A-Za-z]{4})/i;
// Exim: "host mx.example.jp [192.0.2.222]: 550 5.2.2 ..."
const HOST_SAID = /host ([A-Za-z0-9.-]{1,255}) \[[0-9a-fA-F.:]{2,45}\]:\s?/;

export const mailru: LhostModule = {
  name: "mailru",
  detect(mail: MailView): boolean {
    // mailer-daemon@mail.ru, @corp.mail.ru, ...
    const domain = /mailer-daemon@([a-z0-9.-]{1,255})/i.exec(mail.from)?.[1]?.toLowerCase() ?? "";
    if (domain !== "mail.ru" && !domain.endsWith(".mail.ru")) return false;
    return /\.(?:mail\.ru|smailru\.net)>\s*$/i.test(mail.headers.get("message-id") ?? "");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    const cut = text.indexOf(ORIGINAL);
    const recipients = start < 0 ? [] : readFailedAddresses(text.slice(start, cut > start ? cut : undefined));
    if (recipients.length === 0) {
      // Some notices (frozen, filter errors) list nobody in the text: X-Failed-Recipients still names them
      for (const address of findAddresses(mail.headers.get("x-failed-recipients")))
        recipients.push({ address, action: "failed" });
    }
    if (recipients.length === 0) return null;
    return {
      recipients,
      originalHeaders: mail.originalHeaders ?? (cut >= 0 ? inlineOriginalHeaders(text.slice(cut), [ORIGINAL]) : null),
    };
  },
  // Exim's own errors (deliver.c, transports), as Mail.ru's Exim writes them
  reasonRules: [
    { when: /retry timeout exceeded|no action is required on your part/, reason: "expired" },
    {
      when: /all host address lookups failed permanently|all relevant mx records point to non-existent hosts|unrouteable address/,
      reason: "hostunknown",
    },
    {
      when: /an mx or srv record indicated no smtp service|no host found for existing smtp connection/,
      reason: "notaccept",
    },
    { when: /delivery to (?:file|pipe) forbidden|local delivery failed/, reason: "systemerror" },
    { when: /too many "received" headers/, reason: "contenterror" },
    { when: /error: quota exceed/, reason: "mailboxfull" },
  ],
};

function readFailedAddresses(section: string): RawRecipient[] {
  const blocks: { address: string; lines: string[] }[] = [];
  for (const line of section.split("\n")) {
    // "  kijitora@example.jp" (2 spaces) opens a recipient; its error lines are indented 4
    const address = /^ {1,3}(\S+?):?$/.exec(line)?.[1];
    if (address && isAddress(address.replace(/^<|>$/g, ""))) {
      blocks.push({ address: normaliseAddress(address), lines: [] });
      continue;
    }
    if (/^ {4}/.test(line) && line.trim()) blocks.at(-1)?.lines.push(line.trim());
  }
  return blocks.map(({ address, lines }) => toRecipient(address, lines.join(" ")));
}

function toRecipient(address: string, diagnostic: string): RawRecipient {
  const extra: Partial<RawRecipient> = {};
  const command = AFTER_COMMAND.exec(diagnostic)?.[1]?.toUpperCase();
  if (command) extra.smtpCommand = command === "END OF DATA" ? "DATA" : command;
  const host = HOST_SAID.exec(diagnostic);
  if (host) {
    extra.remoteMta = host[1]!;
    // The remote reply follows the host; codes are read there, not from the IP address before it
    const reply = diagnostic.slice(host.index + host[0].length);
    extra.status = findStatus(reply);
    extra.replyCode = findReplyCode(reply);
  }
  // "user unknown" after end of data is decided as "filtered" by the shared core from smtpCommand
  return recipientFromText(address, diagnostic, extra);
}
