// qmail (qmail-send.c "Hi. This is the qmail-send program at ...") and its clones: "<rcpt>:"
// lines followed by the remote host's words; the original follows "--- Below this line is a copy".
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { findSmtpCommand, inlineOriginalHeaders, normaliseAddress } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const ORIGINAL_MARKERS = [
  "--- Below this line is a copy of the message.",
  "--- Below this line is a copy of the mail header.",
  "--- Below the next line is a copy of the message.",
  "--- Mensaje original adjunto.",
  "Original message follows.",
];
const STARTS = [
  "Hi. This is the qmail",
  "He/Her is not ",
  "unable to deliver your message to the following addresses",
  "Su mensaje no pudo ser entregado",
  "Sorry, we were unable to deliver your message to the following address",
  "This is the machine generated message from mail service",
  "This is the mail delivery agent at",
  "Unable to deliver message to the following address",
  "Unfortunately, your mail was not delivered to the following address:",
  "Your mail message to the following address",
  "Your message to the following addresses",
  "We're sorry.",
];
// qmail-remote.c: which SMTP step the remote host refused
const COMMANDS: readonly [string, readonly string[]][] = [
  ["CONN", [" but greeting failed."]],
  ["EHLO", [" but my name was rejected."]],
  ["MAIL", [" but sender was rejected."]],
  ["RCPT", [" does not like recipient."]],
  ["DATA", [" failed on DATA command", " failed after I sent the message"]],
];
// qmail-local.c, qmail-remote.c, error_str.c, notqmail and the qmail-ldap patch
const MESSAGES: readonly [Reason, readonly string[]][] = [
  ["hostunknown", ["Sorry, I couldn't find any host "]],
  ["mailboxfull", ["disk quota exceeded"]],
  ["mesgtoobig", ["Message size exceeds fixed maximum message size:"]],
  [
    "networkerror",
    [
      "Sorry, I wasn't able to establish an SMTP connection",
      "Sorry. Although I'm listed as a best-preference MX or A for that host",
    ],
  ],
  ["notaccept", ["Sorry, I couldn't find a mail exchanger or IP address"]],
  ["systemerror", ["bad interpreter: No such file or directory", "system error", "Unable to"]],
  ["systemfull", ["Requested action not taken: mailbox unavailable (not enough free space)"]],
  ["userunknown", ["no mailbox here by that name"]],
  ["exceedlimit", ["The message exeeded the maximum size the user accepts"]],
  [
    "suspend",
    [
      "Mailaddress is administrativly disabled",
      "Mailaddress is administrativley disabled",
      "Mailaddress is administratively disabled",
      "Mailaddress is administrativeley disabled",
    ],
  ],
  [
    "systemerror",
    [
      "Automatic homedir creator crashed",
      "Illegal value in LDAP attribute",
      "LDAP attribute is not given but mandatory",
      "Timeout while performing search on LDAP server",
      "Too many results returned but needs to be unique",
      "Permanent error while executing qmail-forward",
      "Temporary error in automatic homedir creation",
      "Temporary error while executing qmail-forward",
      "Temporary failure in LDAP lookup",
      "Unable to contact LDAP server",
      "Unable to login into LDAP server, bad credentials",
    ],
  ],
];
const EXPIRED = "this message has been in the queue too long."; // qmail-send.c

/** qmail's own wording (and its forks', Yahoo's included) to a reason, or null. Case-sensitive, as written by qmail. */
export function qmailMessageReason(text: string): Reason | null {
  return (
    MESSAGES.find(([, phrases]) => phrases.some((p) => text.includes(p)))?.[0] ??
    (text.includes(EXPIRED) ? "expired" : null)
  );
}

export const qmail: LhostModule = {
  name: "qmail",
  detect(mail: MailView): boolean {
    const subject = mail.subject.trim();
    if (subject === "failure notice" || subject === "Failure Notice") return true;
    return mail.probe.received.includes("(qmail ");
  },
  parse(mail: MailView): LhostResult | null {
    const full = mail.text;
    let body = full;
    for (const marker of ORIGINAL_MARKERS) {
      const at = body.indexOf(marker);
      if (at >= 0) body = body.slice(0, at);
    }
    const found: { address: string; lines: string[]; remoteSaid: string }[] = [];
    let reading = false;
    let remoteMta: string | null = null;
    for (const line of body.split("\n")) {
      if (!reading) {
        if (STARTS.some((start) => line.includes(start))) reading = true;
        continue;
      }
      if (line === "") continue;
      const head = /^<([^<>\s]*@[^<>\s]*)>:/.exec(line);
      if (head) {
        found.push({ address: normaliseAddress(head[1]!), lines: [], remoteSaid: "" });
        continue;
      }
      const current = found[found.length - 1];
      if (!current) continue;
      current.lines.push(line);
      if (line.startsWith("Remote host said:")) current.remoteSaid = line;
      remoteMta ??= /(?:Giving up on |Connected to |remote host )([^\s]+?)\.?(?:\s|$)/.exec(line)?.[1] ?? null;
    }
    if (found.length === 0) return null;
    const recipients: RawRecipient[] = found.map((f) => {
      const diagnosis = f.lines.join(" ").replace(/\s+/g, " ").trim();
      let command = COMMANDS.find(([, phrases]) => phrases.some((p) => diagnosis.includes(p)))?.[0] ?? null;
      if (!command && diagnosis.includes("no SMTP connection got far enough")) command = findSmtpCommand(diagnosis);
      let reason: Reason | null = null;
      if (command === "EHLO" || command === "HELO") reason = "blocked";
      else if (
        diagnosis.includes(" does not like recipient.") &&
        diagnosis.includes(EXPIRED, diagnosis.indexOf(" does not like recipient."))
      )
        reason = "onhold";
      else {
        for (const text of [f.remoteSaid, diagnosis]) {
          if (!text) continue;
          reason = qmailMessageReason(text);
          if (reason) break;
        }
      }
      return {
        address: f.address,
        action: "failed" as const,
        diagnosticCode: diagnosis || null,
        remoteMta,
        smtpCommand: command ?? findSmtpCommand(diagnosis),
        reason,
      };
    });
    return { recipients, originalHeaders: mail.originalHeaders ?? inlineOriginalHeaders(full, ORIGINAL_MARKERS) };
  },
};
