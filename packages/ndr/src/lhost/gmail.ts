// Gmail (mailer-daemon@googlemail.com): the text-only "Delivery Status Notification" Gmail sent
// before it used RFC 3464: "Delivery to the following recipient failed permanently:" + an indented
// address + "Technical details of ... failure:" with the remote reply and Gmail's "(state N)".
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { findStatus, inlineOriginalHeaders, isAddress, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "Delivery to the following recipient";
const ORIGINALS = ["----- Original message -----", "----- Message header follows -----"];

// Gmail's SMTP client state when the remote refused ("(state 14)."): which command failed and,
// when the reply carries no specific status code, what that refusal means (after Sisimai's table:
// 6 "Remote server does not support TLS", 9 TLS certificate errors, 12 "does not support SMTP
// Authenticated Relay", 13 refused at the greeting, 15/17/18 refused after the message text).
const STATES: Readonly<Record<string, { command: string; reason: Reason }>> = {
  "6": { command: "MAIL", reason: "failedstarttls" },
  "8": { command: "AUTH", reason: "systemerror" },
  "9": { command: "AUTH", reason: "failedstarttls" },
  "12": { command: "AUTH", reason: "norelaying" },
  "13": { command: "EHLO", reason: "blocked" },
  "14": { command: "RCPT", reason: "userunknown" },
  "15": { command: "DATA", reason: "filtered" },
  "17": { command: "DATA", reason: "filtered" },
  "18": { command: "DATA", reason: "filtered" },
};

export const gmail: LhostModule = {
  name: "gmail",
  detect(mail: MailView): boolean {
    return (
      mail.probe.fromLower.includes("<mailer-daemon@googlemail.com>") &&
      mail.subject.includes("Delivery Status Notification")
    );
  },
  parse(mail: MailView): LhostResult | null {
    // Newer Gmail bounces are RFC 3464 DSNs; those are left to the standard module
    if (mail.deliveryStatus !== null) return null;
    const text = mail.text;
    let end = text.length;
    for (const marker of ORIGINALS) {
      const at = text.indexOf(marker);
      if (at >= 0 && at < end) end = at;
    }
    const recipients: RawRecipient[] = [];
    let current: { address: string; delayed: boolean; lines: string[] } | null = null;
    let delayed = false;
    const flush = (): void => {
      if (current) recipients.push(toRecipient(current.address, current.delayed, current.lines.join(" ")));
      current = null;
    };
    let reading = false;
    for (const line of text.slice(0, end).split("\n")) {
      if (line.startsWith(START)) {
        flush();
        reading = true;
        delayed = line.includes("has been delayed");
        continue;
      }
      if (!reading || !line.trim()) continue;
      // The failed address stands alone on an indented line
      const indented = /^[ \t]+(\S+)$/.exec(line);
      if (indented && isAddress(indented[1]!.replace(/^<|>$/g, ""))) {
        flush();
        current = { address: normaliseAddress(indented[1]!), delayed, lines: [] };
        continue;
      }
      current?.lines.push(line.trim());
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients, originalHeaders: mail.originalHeaders ?? inlineOriginalHeaders(text.slice(end), ORIGINALS) };
  },
  reasonRules: [
    // Gmail could not open an SMTP connection to any MX of the domain and gave up (or will retry)
    {
      when: /the recipient server did not accept our requests to connect|dns error: could not contact dns servers/,
      reason: "expired",
    },
    // Gmail's resolver found no such domain / no usable answer
    {
      when: /dns error: domain name not found|dns error: dns server returned answer with no data/,
      reason: "hostunknown",
    },
    // Gmail's own "500 Remote server does not support TLS" when a TLS-required delivery met a plain server
    { when: /remote server does not support tls/, reason: "failedstarttls" },
  ],
};

function toRecipient(address: string, delayed: boolean, block: string): RawRecipient {
  // Drop Gmail's boilerplate; the remote reply follows "The error that the other server returned was:"
  const said = block.indexOf("The error that the other server returned was:");
  const technical = block.search(/Technical details of (?:permanent|temporary) failure:/);
  let diagnostic =
    said >= 0
      ? block.slice(said + 45)
      : technical >= 0
        ? block.slice(technical).replace(/^Technical details of \w+ failure:\s*/, "")
        : block;
  diagnostic = diagnostic.trim();
  const extra: Partial<RawRecipient> = { action: delayed ? "delayed" : "failed" };
  const state = STATES[/\(state (\d{1,2})\)/.exec(diagnostic)?.[1] ?? ""];
  if (state) {
    extra.smtpCommand = state.command;
    // A specific status code in the reply ("5.2.2") says more than the state does
    const status = findStatus(diagnostic);
    if (!status || status.includes(".0")) extra.reason = state.reason;
  }
  // "rejected by the server for the recipient domain example.jp by mx.example.jp. [192.0.2.153]."
  const host = / by ([A-Za-z0-9.-]{1,255})\. \[[0-9a-fA-F.:]{2,45}\]\./.exec(block);
  if (host) extra.remoteMta = host[1]!;
  return recipientFromText(address, diagnostic, extra);
}
