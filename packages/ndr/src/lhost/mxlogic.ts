// MXLogic (McAfee SaaS Email Protection; an Exim derivative, X-MX-Bounce / X-MXL-NoteHash
// headers): Exim's "<addr>: error" layout, the header copy after "Included is a copy ...".
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This message was created automatically by mail delivery software.";
const END = "Included is a copy of the message header:";
const RECIPIENT_LINE = /^\s*<([^<>\s]{1,300}@[^<>\s]{1,255})>:\s*(.*)$/;
// Exim's "SMTP error from remote mail server after RCPT TO:<...>" names the command
const COMMAND = /SMTP error from remote (?:mail server|mailer) after (?:end of )?([A-Za-z]{4})/;

export const mxlogic: LhostModule = {
  name: "mxlogic",
  detect(mail: MailView): boolean {
    const headers = mail.headers;
    return headers.has("x-mx-bounce") || headers.has("x-mxl-hash") || headers.has("x-mxl-notehash");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const endAt = text.indexOf(END, start);
    const blocks: Array<{ address: string; lines: string[] }> = [];
    for (const line of text
      .slice(start, endAt < 0 ? undefined : endAt)
      .split("\n")
      .slice(1, 2000)) {
      const rcpt = RECIPIENT_LINE.exec(line);
      if (rcpt) blocks.push({ address: rcpt[1]!, lines: rcpt[2] ? [rcpt[2]] : [] });
      else if (line.trim()) blocks.at(-1)?.lines.push(line.trim());
    }
    if (blocks.length === 0) return null;
    const recipients = blocks.map((b): RawRecipient => {
      // Exim appends "-- " note lines after the error; they are not the server's words
      const diagnostic = b.lines.filter((line) => !line.startsWith("--")).join(" ");
      const command = COMMAND.exec(diagnostic)?.[1]?.toUpperCase() ?? null;
      const recipient = recipientFromText(b.address, diagnostic, command ? { smtpCommand: command } : {});
      recipient.reason = byCommand(command);
      return recipient;
    });
    return { recipients, originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, [END]) };
  },
  reasonRules: [
    // Exim router/transport messages, as MXLogic's MTA keeps them
    { when: /user not found/, reason: "userunknown" },
    {
      when: /all host address lookups failed permanently|all relevant mx records point to non-existent hosts|unrouteable address/,
      reason: "hostunknown",
    },
    { when: /mailbox is full|error: quota exceed/, reason: "mailboxfull" },
    {
      when: /an mx or srv record indicated no smtp service|no host found for existing smtp connection/,
      reason: "notaccept",
    },
    {
      when: /angle-brackets nested too deep|expected word or "<"|domain missing in source-routed address|malformed address:/,
      reason: "syntaxerror",
    },
    { when: /delivery to (?:file|pipe) forbidden|local delivery failed|lmtp error after /, reason: "systemerror" },
    { when: /too many "received" headers/, reason: "contenterror" },
    // Exim gave up: retry limits, frozen messages
    {
      when: /retry timeout exceeded|retry time not reached for any host after a long failure period|all hosts have been failing for a long time and were last tried|has been frozen|was frozen on arrival by /,
      reason: "expired",
    },
  ],
};

function byCommand(command: string | null): Reason | null {
  // Refused at MAIL FROM: the sender; at HELO/EHLO: the sending host
  if (command === "MAIL") return "rejected";
  if (command === "HELO" || command === "EHLO") return "blocked";
  return null;
}
