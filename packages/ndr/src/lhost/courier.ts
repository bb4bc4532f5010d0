// Courier MTA: an RFC 3464 report whose Status is often only "5.0.0"; the text part shows the SMTP
// dialogue per recipient (">>> RCPT TO:<...>", "<<< 550 5.1.1 ..."), which names the refused command.
import type { MailView } from "../mime/mail-view.js";
import { findAddress, findStatus, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// courier/module.dsn/dsn.c: the report titles, for failures and for delays
const STARTS = ["UNDELIVERABLE MAIL", "DELAYS IN DELIVERING YOUR MESSAGE"];
const SEPARATOR = "-----------------------------------------";

export const courier: LhostModule = {
  name: "courier",
  detect(mail: MailView): boolean {
    if (mail.from.includes("Courier mail server at ")) return true;
    if (/NOTICE: mail delivery status\.|WARNING: delayed mail\./.test(mail.subject)) return true;
    // Headers only, as Sisimai's Courier.pm: From, Subject or a "<courier.HEX." Message-ID
    return /^<courier\.[0-9A-F]+\./.test(mail.probe.messageId);
  },
  parse(mail: MailView): LhostResult | null {
    const dialogues = readDialogues(mail.text);
    const dsn = readDeliveryStatus(mail);
    if (!dsn) {
      if (dialogues.size === 0) return null;
      return { recipients: [...dialogues].map(([address, lines]) => fromDialogue(address, lines)) };
    }
    const recipients = dsn.recipients.map((r): RawRecipient => {
      const lines = dialogues.get(r.address.toLowerCase());
      const fromText = lines ? fromDialogue(r.address, lines) : null;
      // Courier writes "Status: 5.0.0" even when the remote reply carried 5.1.1: parse-message.ts
      // prefers the reply's code; the dialogue's code counts when the DSN part quotes none
      const generic = r.status && /\.0\.0$/.test(r.status) && !findStatus(r.diagnosticCode);
      return {
        ...r,
        status: generic ? (fromText?.status ?? r.status) : r.status,
        smtpCommand: r.smtpCommand ?? fromText?.smtpCommand ?? null,
      };
    });
    return { ...dsn, recipients };
  },
  reasonRules: [
    // Courier's own resolver messages (courier/libs/rfc1035)
    { when: /no such domain\./, reason: "hostunknown" },
    { when: /this domain's dns violates rfc 1035\./, reason: "systemerror" },
    { when: /dns lookup failed\./, reason: "networkerror" },
  ],
};

/** "<addr>:" then the remote host, ">>> COMMAND" and "<<< reply" lines, per recipient. */
function readDialogues(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = text.split("\n").slice(0, 2000);
  const start = lines.findIndex((line) => STARTS.some((marker) => line.includes(marker)));
  if (start < 0) return out;
  let current: string[] | null = null;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith(SEPARATOR)) {
      if (out.size > 0) break;
      continue;
    }
    const head = /^<([^<>\s]{1,300}@[^<>\s]{1,255})>:\s*$/.exec(line);
    if (head) {
      current = [];
      out.set(findAddress(head[1]!)!.toLowerCase(), current);
      continue;
    }
    if (current && line.trim()) current.push(line.trim());
  }
  return out;
}

function fromDialogue(address: string, lines: string[]): RawRecipient {
  const command =
    lines
      .find((line) => line.startsWith(">>> "))
      ?.slice(4)
      .trim()
      .split(/[ :]/)[0]
      ?.toUpperCase() ?? null;
  const reply = lines
    .filter((line) => line.startsWith("<<< "))
    .map((line) => line.slice(4))
    .join(" ");
  return recipientFromText(address, reply || lines.join(" "), command ? { smtpCommand: command } : {});
}
