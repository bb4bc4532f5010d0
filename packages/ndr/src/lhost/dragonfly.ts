// DragonFly Mail Agent (dma, DragonFly BSD / FreeBSD): a plain-text bounce, one paragraph per
// recipient, "There was an error delivering your mail to <addr>." then the remote reply or dma's own error.
import type { MailView } from "../mime/mail-view.js";
import { containsAny, inlineOriginalHeaders, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// dma mail.c bounce(): the text opens with this line and ends before the returned message
const START = "This is the DragonFly Mail Agent ";
const ENDS = ["Original message follows.", "Message headers follow."];
const RECIPIENT_LINE = "There was an error delivering your mail to <";
// net.c: "%s [%s] did not like our %s:\n%s" names the remote host and the refused command
const DID_NOT_LIKE = / did not like our ([A-Za-z ]{1,20}):/;

export const dragonfly: LhostModule = {
  name: "dragonfly",
  detect(mail: MailView): boolean {
    if (!mail.subject.includes("Mail delivery failed")) return false;
    return mail.probe.received.includes("(DragonFly Mail Agent") || containsAny(mail.text, [START], 2000);
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    let end = text.length;
    for (const marker of ENDS) {
      const at = text.indexOf(marker, start);
      if (at >= 0 && at < end) end = at;
    }
    const recipients: RawRecipient[] = [];
    let address: string | null = null;
    let lines: string[] = [];
    const flush = (): void => {
      if (address) recipients.push(toRecipient(address, lines));
      lines = [];
    };
    for (const line of text.slice(start, end).split("\n")) {
      if (line.startsWith(RECIPIENT_LINE)) {
        flush();
        const close = line.indexOf(">", RECIPIENT_LINE.length);
        address = normaliseAddress(line.slice(RECIPIENT_LINE.length - 1, close < 0 ? undefined : close + 1));
        continue;
      }
      if (address && line.trim()) lines.push(line.trim());
    }
    flush();
    if (recipients.length === 0) return null;
    return { recipients, originalHeaders: mail.originalHeaders ?? inlineOriginalHeaders(text.slice(end), ENDS) };
  },
  reasonRules: [
    // dma.c: a queued message older than MAX_TIMEOUT is bounced with "Could not deliver for the last N seconds. Giving up."
    { when: /could not deliver for the last \d+ seconds/, reason: "expired" },
    // net.c: MX/A lookup of the recipient domain failed, "DNS lookup failure: host %s not found"
    { when: /dns lookup failure: host \S+ not found/, reason: "hostunknown" },
  ],
};

function toRecipient(address: string, lines: string[]): RawRecipient {
  const extra: Partial<RawRecipient> = {};
  const head = lines[0] ?? "";
  const refused = DID_NOT_LIKE.exec(head);
  if (refused) {
    // "mx.example.org [192.0.2.25] did not like our RCPT TO:"; the reply follows on the next lines
    extra.remoteMta = head.slice(0, head.indexOf(" "));
    const command = refused[1]!.toUpperCase();
    extra.smtpCommand = command.includes("DATA") ? "DATA" : command.split(" ")[0]!;
    lines = lines.slice(1);
  }
  return recipientFromText(address, lines.join(" "), extra);
}
