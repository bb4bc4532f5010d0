// GMX / mail.com (X-GMX-Antispam): a text bounce of the same United Internet family as 1&1:
// '"addr":' then "SMTP error from remote server after RCPT command:", "host: X", the reply.
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, isAddress, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This message was created automatically by mail delivery software";
const ORIGINAL = "--- The header of the original message is following. ---";
// A recipient stands alone on a line as "addr": or <addr>
const RECIPIENT = /^(?:"([^"\s]{1,300}@[^"\s]{1,255})":|<([^<>\s]{1,300}@[^<>\s]{1,255})>)$/;
const COMMAND = /^SMTP error .{0,80} ([A-Z]{4}) command:$/;

export const gmx: LhostModule = {
  name: "gmx",
  detect(mail: MailView): boolean {
    return mail.headers.has("x-gmx-antispam");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const cut = text.indexOf(ORIGINAL, start);
    const blocks: { address: string; command?: string; host?: string; lines: string[] }[] = [];
    for (const line of text.slice(start, cut < 0 ? undefined : cut).split("\n")) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      const recipient = RECIPIENT.exec(trimmed);
      if (recipient && isAddress(recipient[1] ?? recipient[2])) {
        blocks.push({ address: normaliseAddress((recipient[1] ?? recipient[2])!), lines: [] });
        continue;
      }
      const block = blocks.at(-1);
      if (!block) continue;
      const command = COMMAND.exec(trimmed);
      if (command) block.command = command[1]!;
      else if (trimmed.startsWith("host:")) block.host = trimmed.slice(5).trim();
      else if (trimmed !== "Reason:") block.lines.push(trimmed);
    }
    const recipients: RawRecipient[] = blocks.map((block) =>
      recipientFromText(block.address, block.lines.join(" "), {
        ...(block.command ? { smtpCommand: block.command } : {}),
        ...(block.host ? { remoteMta: block.host.split(/\s/)[0]! } : {}),
      }),
    );
    if (recipients.length === 0) return null;
    return {
      recipients,
      originalHeaders: mail.originalHeaders ?? (cut >= 0 ? inlineOriginalHeaders(text.slice(cut), [ORIGINAL]) : null),
    };
  },
  reasonRules: [
    // GMX's Exim gave up retrying: "delivery retry timeout exceeded"
    { when: /delivery retry timeout exceeded/, reason: "expired" },
  ],
};
