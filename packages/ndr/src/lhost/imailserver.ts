// Ipswitch IMail Server (X-Mailer: <SMTP32 vN>): "Undeliverable Mail", one "<error>: <addr>" line
// per recipient, sometimes the remote reply after "... generated response:", then the original.
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { findAddress, inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const END = "Original message follows.";
// "User mailbox exceeds allowed size: user@host": the error, a colon, the address
// "Unknown user: addr": an error phrase, then the address. The phrase is longer than a header
// name, so the notice's own "To: addr" / "CC:" lines above it are not taken for errors
const ERROR_LINE = /^(\S.{8,300}?):[ \t]*([^\s@]{1,128}@[^\s@]{1,255})\s*$/;
const UNDELIVERABLE = /^undeliverable\s+to\s+(\S+)/i;
// IMail's phrases that name the SMTP stage of the remote reply
const COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/SMTP connection failed,|Unexpected connection response from server:/, "CONN"],
  [/Unexpected response to EHLO\/HELO:/, "EHLO"],
  [/Server response to MAIL FROM:/, "MAIL"],
  [/Additional RCPT TO generated following response:/, "RCPT"],
  [/DATA command generated response:/, "DATA"],
];
// IMail's own errors (its queue manager writes these, not a remote host)
const FAILURES: ReadonlyArray<[RegExp, Reason]> = [
  [/Unknown host/, "hostunknown"],
  [/^(?:Unknown user|Invalid final delivery userid)/, "userunknown"],
  [/^User mailbox exceeds allowed size/, "mailboxfull"],
  [/^Requested action not taken: virus detected/, "virusdetected"],
  [/^Delivery failed \d+ attempts/, "expired"],
  // the receiver's reply quoted under "Body of message generated response:" (URIBL listing)
  [/Blacklisted URL in message/, "spamdetected"],
];

export const imailserver: LhostModule = {
  name: "imailserver",
  detect(mail: MailView): boolean {
    return (
      /^Undeliverable Mail\s*$/.test(mail.subject) ||
      (mail.headers.get("x-mailer") ?? "").trim().startsWith("<SMTP32 v")
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const endAt = text.indexOf(END);
    // Without IMail's X-Mailer, insist on its layout: the error lines end where the original starts
    if (endAt < 0 && !(mail.headers.get("x-mailer") ?? "").trim().startsWith("<SMTP32 v")) return null;
    const blocks: Array<{ address: string; error: string; extra: string[] }> = [];
    for (const raw of text
      .slice(0, endAt < 0 ? undefined : endAt)
      .split("\n")
      .slice(0, 2000)) {
      const line = raw.trim();
      if (!line) continue;
      const error = ERROR_LINE.exec(line);
      const undeliverable = error ? null : UNDELIVERABLE.exec(line);
      if (error) blocks.push({ address: error[2]!, error: error[1]!, extra: [] });
      else if (undeliverable) blocks.push({ address: undeliverable[1]!, error: "", extra: [] });
      else blocks.at(-1)?.extra.push(line);
    }
    const recipients: RawRecipient[] = [];
    for (const block of blocks) {
      const address = findAddress(block.address);
      if (!address) continue;
      const diagnostic = [...block.extra, block.error].filter(Boolean).join(" ");
      const command = COMMANDS.find(([pattern]) => pattern.test(diagnostic))?.[1];
      const recipient = recipientFromText(address, diagnostic, command ? { smtpCommand: command } : {});
      recipient.reason =
        FAILURES.find(([pattern]) => pattern.test(block.error) || pattern.test(diagnostic))?.[1] ?? null;
      recipients.push(recipient);
    }
    if (recipients.length === 0) return null;
    return { recipients, originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, [END]) };
  },
};
