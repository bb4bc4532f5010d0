// Verizon Wireless: SMS gateway bounces from post_master@vtext.com ("Error:" + an indented SMTP
// transcript) and MMS gateway bounces from sysadmin@*.vzwpix.com ("Message could not be delivered
// to mobile." + the original's From/To/Subject). Both come through *.vtext.com.
import { Headers } from "../mime/header.js";
import type { MailView } from "../mime/mail-view.js";
import { findAddress, inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const MMS_START = "Message could not be delivered to mobile";
const MMS_ORIGINAL = "Original Message:";

export const verizon: LhostModule = {
  name: "verizon",
  detect(mail: MailView): boolean {
    if (!mail.probe.received.includes(".vtext.com (")) return false;
    const from = mail.probe.fromLower;
    return from.includes("post_master@vtext.com") || /sysadmin@[a-z0-9.-]{0,200}\.?vzwpix\.com/.test(from);
  },
  parse(mail: MailView): LhostResult | null {
    return mail.from.toLowerCase().includes("vzwpix.com") ? readMms(mail.text) : readSms(mail.text);
  },
  reasonRules: [
    // The SMS gateway's reply for an unknown mobile number
    { when: /550 - requested action not taken: no such user here/, reason: "userunknown" },
    // The MMS gateway (MMSC) found no deliverable handset among the recipients
    { when: /no valid recipients for this mm/, reason: "userunknown" },
  ],
};

/** "Error: ..." then the session: "    RCPT TO: <addr>", "    MAIL FROM: <addr>", "550 - text". */
function readSms(text: string): LhostResult | null {
  const start = text.search(/^Error:\s/m);
  if (start < 0) return null;
  const blocks: { address: string; reply: string }[] = [];
  let sender: string | null = null;
  let subject: string | null = null;
  // The gateway writes the reply either below the RCPT TO it answers or, in the James layout
  // ("Error message below:" then "Message details:"), above the envelope: the first one found
  // answers every recipient that has none of its own
  let anyReply = "";
  for (const line of text
    .slice(start, start + 20000)
    .split("\n")
    .slice(1)) {
    const rcpt = /^\s+RCPT TO:\s*(.{1,300})$/.exec(line);
    const address = rcpt ? findAddress(rcpt[1]) : null;
    if (address) blocks.push({ address, reply: "" });
    sender ??= /^\s+MAIL FROM:\s+(.{1,300})$/.exec(line)?.[1] ?? null;
    subject ??= /^\s+Subject:\s+(.{1,998})$/.exec(line)?.[1] ?? null;
    // "550 - Requested action not taken: no such user here" answers the RCPT TO above it
    const block = blocks.at(-1);
    if (/^\d{3} - ./.test(line)) {
      if (block && !block.reply) block.reply = line.trim();
      anyReply ||= line.trim();
    }
  }
  if (blocks.length === 0) return null;
  const fields = [
    ...(sender ? [{ name: "from", value: sender }] : []),
    ...(subject ? [{ name: "subject", value: subject }] : []),
  ];
  return {
    recipients: blocks.map(({ address, reply }) =>
      recipientFromText(address, reply || anyReply, { smtpCommand: "RCPT" }),
    ),
    originalHeaders: fields.length ? new Headers(fields) : null,
  };
}

/** "Error: No valid recipients for this MM" then "Original Message:" with the original's To. */
function readMms(text: string): LhostResult | null {
  const start = text.indexOf(MMS_START);
  if (start < 0) return null;
  const section = text.slice(start, start + 20000);
  const error = /^Error:\s+(.{1,1000})$/m.exec(section)?.[1] ?? "";
  const original = inlineOriginalHeaders(section, [MMS_ORIGINAL]);
  const address = findAddress(original?.get("to") ?? /^To:\s+(.{1,300})$/m.exec(section)?.[1]);
  if (!address) return null;
  return { recipients: [recipientFromText(address, error)], originalHeaders: original };
}
