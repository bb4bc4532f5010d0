// Lotus Notes SMTP MTA (R4/R5 era, before Domino's DSNs): "Undeliverable message", a "Failure
// Reasons" section where each reason line is followed by the address it applies to.
import type { MailView } from "../mime/mail-view.js";
import { findAddress, inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "------- Failure Reasons ";
const END = "------- Returned Message --------";
const ADDRESS_LINE = /^[^\s@]{1,128}@[^\s@]{1,255}/;

export const notes: LhostModule = {
  name: "notes",
  detect(mail: MailView): boolean {
    return mail.subject.startsWith("Undeliverable message");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const endAt = text.indexOf(END, start);
    const recipients: RawRecipient[] = [];
    let pending: string[] = [];
    for (const raw of text
      .slice(start, endAt < 0 ? undefined : endAt)
      .split("\n")
      .slice(1, 2000)) {
      const line = raw.trim();
      if (!line || line.startsWith("-")) continue;
      if (ADDRESS_LINE.test(line)) {
        const address = findAddress(line);
        if (address) recipients.push(recipientFromText(address, pending.join(" ")));
        pending = [];
      } else {
        // Reasons in the server's national charset that did not decode are left out
        pending.push(/[^\x20-\x7e]/.test(line) ? "" : line);
      }
    }
    const original = mail.originalHeaders ?? inlineOriginalHeaders(text, [END]);
    if (recipients.length === 0) {
      // No address in the reasons: the returned message's To is the recipient
      const address = findAddress(original?.get("to"));
      if (!address) return null;
      recipients.push(recipientFromText(address, pending.join(" ")));
    }
    return { recipients, originalHeaders: mail.originalHeaders ? null : original };
  },
  reasonRules: [
    // The Notes router could not find the name in the directory (English and Japanese builds)
    { when: /not listed in public name & address book|ディレクトリのリストにありません/, reason: "userunknown" },
    { when: /message has exceeded maximum hop count/, reason: "networkerror" },
  ],
};
