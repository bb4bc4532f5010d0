// MailFoundry appliance: "Message delivery has failed" (Received: ... (MAILFOUNDRY) id ...),
// "Unable to deliver message to: <addr>" then "Delivery failed for the following reason:".
import type { MailView } from "../mime/mail-view.js";
import { recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const RECIPIENT_LINE = /^Unable to deliver message to: <([^<>\s]{1,300}@[^<>\s]{1,255})>\s*$/;
const REASON = "Delivery failed for the following reason:";

export const mailfoundry: LhostModule = {
  name: "mailfoundry",
  detect(mail: MailView): boolean {
    return mail.subject.trim() === "Message delivery has failed" && mail.probe.received.includes("(MAILFOUNDRY) id");
  },
  parse(mail: MailView): LhostResult | null {
    const blocks: Array<{ address: string; lines: string[]; inReason: boolean }> = [];
    for (const raw of mail.text.split("\n").slice(0, 2000)) {
      const line = raw.trim();
      const rcpt = RECIPIENT_LINE.exec(line);
      if (rcpt) {
        blocks.push({ address: rcpt[1]!, lines: [], inReason: false });
        continue;
      }
      const current = blocks.at(-1);
      if (!current || !line || line.startsWith("-")) continue;
      if (line === REASON) current.inReason = true;
      else if (current.inReason) current.lines.push(line);
    }
    const recipients = blocks.map((b): RawRecipient => recipientFromText(b.address, b.lines.join(" ")));
    return recipients.length > 0 ? { recipients } : null;
  },
};
