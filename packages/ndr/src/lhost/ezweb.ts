// au by KDDI (EZweb) mobile mail: "Mail System Error - Returned Mail" from Postmaster@ezweb.ne.jp
// (later au.com), Japanese text plus one English sentence naming the cause, then "<addr>" lines.
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// The returned original follows a line of dashes
const END = "-".repeat(50);
const RECIPIENT_LINE = /^(?:\s+Recipient:\s*)?<([^<>\s]{1,300}@[^<>\s]{1,255})>:?\s*(.*)$/;
// The English sentence EZweb puts in every bounce, per cause
const FAILURES: ReadonlyArray<[RegExp, Reason]> = [
  [/The user\(s\) account is temporarily over quota/, "mailboxfull"],
  [/The user\(s\) account is disabled\./, "suspend"],
  [/The user\(s\) account is temporarily limited\./, "suspend"],
  [/Your message was not delivered within /, "expired"],
  [/Each of the following recipients was rejected by a remote/, "onhold"],
];

export const ezweb: LhostModule = {
  name: "ezweb",
  detect(mail: MailView): boolean {
    const { from, received, messageId } = mail.probe;
    let score = 0;
    if (from.includes("Postmaster@ezweb.ne.jp") || from.includes("Postmaster@au.com")) score++;
    if (mail.subject === "Mail System Error - Returned Mail") score++;
    if (received.includes("ezweb.ne.jp (EZweb Mail) with") || received.includes(".au.com (")) score++;
    if (messageId.endsWith(".ezweb.ne.jp>") || messageId.endsWith(".au.com>")) score++;
    return score >= 2;
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const endAt = text.indexOf(END);
    const section = text.slice(0, endAt < 0 ? undefined : endAt);
    let failure: { line: string; reason: Reason } | null = null;
    const blocks: Array<{ address: string; lines: string[]; command: string | null }> = [];
    for (const line of section.split("\n").slice(0, 2000)) {
      // The Japanese lines say the same as the English one, and often arrive mis-decoded
      if (/[^\x20-\x7e\t]/.test(line) || !line.trim()) continue;
      const known = FAILURES.find(([pattern]) => pattern.test(line));
      if (known && !failure) {
        failure = { line: line.trim(), reason: known[1] };
        continue;
      }
      const rcpt = RECIPIENT_LINE.exec(line);
      if (rcpt) {
        blocks.push({ address: rcpt[1]!, lines: rcpt[2] ? [rcpt[2]] : [], command: null });
        continue;
      }
      const current = blocks.at(-1);
      if (!current) continue;
      const command = /^\s+>>>\s+([A-Z]{4})/.exec(line);
      if (command) current.command = command[1]!;
      else current.lines.push(line.trim());
    }
    if (blocks.length === 0) return null;
    // X-SPASIGN: NG marks mail EZweb's anti-spam (domain/address filter) refused
    const filteredBySpasign = (mail.headers.get("x-spasign") ?? "").trim() === "NG";
    const dsn = readDeliveryStatus(mail);
    const recipients = blocks.map((block): RawRecipient => {
      // The notice's own line names the kind of failure; the remote server's reply quoted under the
      // recipient ("<<< 550 ...") says why, so both are the diagnosis (onhold alone decides nothing)
      const diagnostic = [failure?.line, ...block.lines].filter(Boolean).join(" ");
      const recipient = recipientFromText(
        block.address,
        diagnostic,
        block.command ? { smtpCommand: block.command } : { smtpCommand: null },
      );
      const fromDsn = dsn?.recipients.find((r) => r.address.toLowerCase() === recipient.address.toLowerCase());
      recipient.status ??= fromDsn?.status ?? null;
      recipient.reason = decide(block.address, block.command, failure?.reason ?? null, filteredBySpasign);
      return recipient;
    });
    return {
      reportingMta: dsn?.reportingMta ?? null,
      recipients,
      originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, [END]),
    };
  },
};

function decide(address: string, command: string | null, byText: Reason | null, spasign: boolean): Reason | null {
  if (spasign) return "filtered";
  if (command === "RCPT") return "userunknown";
  if (byText) return byText;
  // A refusal from a remote server for a non-EZweb address: the address was not accepted there
  return /@(?:ezweb\.ne\.jp|au\.com)$/i.test(address) ? null : "userunknown";
}
