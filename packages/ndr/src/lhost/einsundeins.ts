// 1&1 / IONOS (kundenserver.de): an Exim-derived text bounce, "The following address failed:" +
// the address, then "For the following reason:" (or the remote reply) and "--- The header of the
// original message is following. ---".
import type { MailView } from "../mime/mail-view.js";
import { containsAny, inlineOriginalHeaders, isAddress, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This message was created automatically by mail delivery software";
const ORIGINAL = "--- The header of the original message is following. ---";
const REASON = "For the following reason:";
// "SMTP error from remote server for TEXT command, host: smtp-in.example.fr (192.0.2.1) reason: 550 ..."
const REMOTE = /host: ([A-Za-z0-9.-]{1,255}) \([0-9a-fA-F.:]{2,45}\) reason: /;

export const einsundeins: LhostModule = {
  name: "einsundeins",
  detect(mail: MailView): boolean {
    if (!mail.from.startsWith('"Mail Delivery System"')) return false;
    if (!mail.subject.startsWith("Mail delivery failed: returning message to sender")) return false;
    // The subject and From are Exim's defaults; the original-header marker is 1&1's own
    return containsAny(mail.text, [ORIGINAL]);
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const cut = text.indexOf(ORIGINAL, start);
    const blocks: { address: string; lines: string[] }[] = [];
    // After the intro paragraph each failed address stands alone on its line ("addr" or "addr:")
    for (const line of text
      .slice(start, cut < 0 ? undefined : cut)
      .split("\n")
      .slice(1)) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      const candidate = trimmed.replace(/:$/, "");
      if (!candidate.includes(" ") && isAddress(candidate)) {
        blocks.push({ address: normaliseAddress(candidate), lines: [] });
        continue;
      }
      blocks.at(-1)?.lines.push(trimmed);
    }
    const recipients = blocks.map(({ address, lines }) => toRecipient(address, lines.join(" ")));
    if (recipients.length === 0) return null;
    return {
      recipients,
      originalHeaders: mail.originalHeaders ?? (cut >= 0 ? inlineOriginalHeaders(text.slice(cut), [ORIGINAL]) : null),
    };
  },
  reasonRules: [
    // 1&1's own size refusal: "Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/..."
    { when: /mail size limit exceeded/, reason: "mesgtoobig" },
  ],
};

function toRecipient(address: string, block: string): RawRecipient {
  const diagnostic = block.startsWith(REASON) ? block.slice(REASON.length).trim() : block;
  const extra: Partial<RawRecipient> = {};
  const remote = REMOTE.exec(diagnostic);
  if (remote) {
    extra.remoteMta = remote[1]!;
    // Exim's name for the end-of-data reply is "TEXT command"
    if (diagnostic.includes("for TEXT command")) extra.smtpCommand = "DATA";
  }
  return recipientFromText(address, diagnostic, extra);
}
