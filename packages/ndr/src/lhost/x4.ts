// "X4" (Sisimai's name for qmail variants with reworded texts: ISP and hosting forks such as
// vpopmail/qmail-ldap): "failure notice" with a non-standard opening line, then "<addr>:" blocks.
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// Opening sentences of the reworded forks (stock qmail-send's "Hi. This is the qmail-send
// program" is left to the qmail module)
const STARTS = [
  /^He\/Her is not .{1,100} user/,
  /^Hi\. .{1,200} unable to deliver your message to the following addresses/,
  /^Su mensaje no pudo ser entregado/,
  /^This is the (?:machine generated message from mail service|mail delivery agent at)/,
  /^Unable to deliver message to the following address/,
  /^Unfortunately, your mail was not delivered to the following address:/,
  /^Your (?:mail message to the following address|message to the following addresses)/,
  /^We're sorry\./,
];
const ENDS = ["--- Below this line is a copy of the message.", "--- Original message follows."];
const RECIPIENT_LINE = /^(?:To\s*:)?<([^<>\s]{1,300}@[^<>\s]{1,255})>:\s*$/;
// qmail-remote's texts that name the SMTP stage
const COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/Connected to \S+ but greeting failed\./, "CONN"],
  [/Connected to \S+ but my name was rejected\./, "EHLO"],
  [/Connected to \S+ but sender was rejected\./, "MAIL"],
  [/\S+ does not like recipient\./, "RCPT"],
  [/\S+ failed on DATA command\.|\S+ failed after I sent the message\./, "DATA"],
];
// qmail-ldap's local delivery errors (qmail-ldap's qmail-lspawn messages)
const LDAP_FAILURES: ReadonlyArray<[string, Reason]> = [
  ["Mailaddress is administratively disabled", "suspend"],
  ["Mailaddress is administrativley disabled", "suspend"],
  ["Sorry, no mailbox here by that name", "userunknown"],
  ["The message exeeded the maximum size the user accepts", "exceedlimit"],
  ["Automatic homedir creator crashed", "systemerror"],
  ["Illegal value in LDAP attribute", "systemerror"],
  ["LDAP attribute is not given but mandatory", "systemerror"],
  ["Timeout while performing search on LDAP server", "systemerror"],
  ["Too many results returned but needs to be unique", "systemerror"],
  ["Permanent error while executing qmail-forward", "systemerror"],
  ["Temporary error in automatic homedir creation", "systemerror"],
  ["Temporary error while executing qmail-forward", "systemerror"],
  ["Temporary failure in LDAP lookup", "systemerror"],
  ["Unable to contact LDAP server", "systemerror"],
  ["Unable to login into LDAP server, bad credentials", "systemerror"],
];

export const x4: LhostModule = {
  name: "x4",
  detect(mail: MailView): boolean {
    if (mail.subject.startsWith("failure notice") || mail.subject.startsWith("Permanent Delivery Failure")) return true;
    return /^\(qmail \d+ invoked for bounce\)/m.test(mail.probe.received);
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const lines = text.split("\n").slice(0, 3000);
    const start = lines.findIndex((line) => STARTS.some((pattern) => pattern.test(line)));
    if (start < 0) return null;
    const blocks: Array<{ address: string; lines: string[] }> = [];
    for (const line of lines.slice(start + 1)) {
      if (ENDS.some((end) => line.startsWith(end))) break;
      const rcpt = RECIPIENT_LINE.exec(line.trim());
      if (rcpt) blocks.push({ address: rcpt[1]!, lines: [] });
      else if (line.trim()) blocks.at(-1)?.lines.push(line.trim());
    }
    if (blocks.length === 0) return null;
    const recipients = blocks.map((b): RawRecipient => {
      const diagnostic = b.lines.join(" ");
      const command =
        COMMANDS.find(([p]) => p.test(diagnostic))?.[1] ??
        /Sorry, no SMTP connection got far enough; most progress was ([A-Z]{4}) /.exec(diagnostic)?.[1] ??
        null;
      const recipient = recipientFromText(b.address, diagnostic, command ? { smtpCommand: command } : {});
      recipient.reason = decide(command, diagnostic);
      return recipient;
    });
    return { recipients, originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, ENDS) };
  },
  reasonRules: [
    // qmail(-remote) wordings, as the forks keep them
    { when: /no mailbox here by that name|does not like recipient\./, reason: "userunknown" },
    { when: /disk quota exceeded/, reason: "mailboxfull" },
    { when: /message size exceeds fixed maximum message size:/, reason: "mesgtoobig" },
    { when: /sorry, i couldn't find any host /, reason: "hostunknown" },
    { when: /requested action not taken: mailbox unavailable \(not enough free space\)/, reason: "systemfull" },
    {
      when: /sorry, i wasn't able to establish an smtp connection|sorry, i couldn't find a mail exchanger or ip address|sorry\. although i'm listed as a best-preference mx or a for that host/,
      reason: "networkerror",
    },
  ],
};

function decide(command: string | null, diagnostic: string): Reason | null {
  // Refused at MAIL FROM: the sender; at HELO/EHLO: the sending host
  if (command === "MAIL") return "rejected";
  if (command === "HELO" || command === "EHLO") return "blocked";
  const ldap = LDAP_FAILURES.find(([needle]) => diagnostic.includes(needle));
  if (ldap) return ldap[1];
  // qmail-send gave up after queuelifetime
  if (diagnostic.includes("this message has been in the queue too long.")) return "expired";
  return null;
}
