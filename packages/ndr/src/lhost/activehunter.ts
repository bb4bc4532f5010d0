// Active!hunter (TransWARE, Japanese mail filter; X-AHMailID header): a sendmail-like text,
// ">>> addr <addr>" under "The following addresses had permanent fatal errors", then the reply.
import type { MailView } from "../mime/mail-view.js";
import { recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "----- The following addresses had permanent fatal errors -----";
const RECIPIENT_LINE = /^>>>\s.{0,300}<([^<>\s]{1,300}@[^<>\s]{1,255})>\s*$/;

export const activehunter: LhostModule = {
  name: "activehunter",
  detect(mail: MailView): boolean {
    return mail.headers.has("x-ahmailid");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const blocks: Array<{ address: string; diagnostic: string | null }> = [];
    for (const raw of text
      .slice(start + START.length)
      .split("\n")
      .slice(0, 2000)) {
      const line = raw.trim();
      const rcpt = RECIPIENT_LINE.exec(line);
      if (rcpt) {
        blocks.push({ address: rcpt[1]!, diagnostic: null });
        continue;
      }
      // The first line that starts like a reply ("550 sorry, ...") is the error
      const current = blocks.at(-1);
      if (current && current.diagnostic === null && /^[0-9A-Za-z]/.test(line)) current.diagnostic = line;
    }
    const recipients = blocks.map((b): RawRecipient => recipientFromText(b.address, b.diagnostic ?? ""));
    return recipients.length > 0 ? { recipients } : null;
  },
};
