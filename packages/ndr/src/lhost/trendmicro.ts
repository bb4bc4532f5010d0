// Trend Micro InterScan Messaging Security Suite (InterScan MSS): a notification that either
// quotes the SMTP exchange ("Sent <<< RCPT TO:<addr>", "Received >>> 550 ...") or says
// "Unable to deliver message to <addr>".
import type { MailView } from "../mime/mail-view.js";
import { recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// Subjects InterScan uses (English; Japanese "cannot deliver the message", "mail delivery failed")
const SUBJECTS = ["Mail could not be delivered", "メッセージを配信できません。", "メール配信に失敗しました"];
// InterScan's arrows are reversed: "Sent <<<" is our command, "Received >>>" the reply
const SENT = /^Sent\s+<<<\s+([A-Z]{4})\b.*?<([^<>\s]{1,300}@[^<>\s]{1,255})>/;
const RECEIVED = /^Received\s+>>>\s+(\d{3}\s.+)$/;
// The usual direction, as some versions write it
const COMMAND = /\s>>>\s+([A-Z]{4})\b.*?<([^<>\s]{1,300}@[^<>\s]{1,255})>/;
const REPLY = /\s<<<\s+(.+)$/;
// No SMTP detail: the whole domain's recipients were refused
const UNABLE = /^(?:Reason:\s+)?Unable to deliver message to <([^<>\s]{1,300}@[^<>\s]{1,255})>/;

export const trendmicro: LhostModule = {
  name: "trendmicro",
  detect(mail: MailView): boolean {
    const from = mail.from;
    return (
      from.startsWith('"InterScan MSS"') ||
      from.startsWith('"InterScan Notification"') ||
      from.includes('("InterScan ') ||
      SUBJECTS.includes(mail.subject.trim())
    );
  },
  parse(mail: MailView): LhostResult | null {
    const blocks: Array<{ address: string; command: string | null; diagnostic: string; unable: boolean }> = [];
    const find = (address: string): (typeof blocks)[number] => {
      let block = blocks.find((b) => b.address.toLowerCase() === address.toLowerCase());
      if (!block) {
        block = { address, command: null, diagnostic: "", unable: false };
        blocks.push(block);
      }
      return block;
    };
    for (const raw of mail.text.split("\n").slice(0, 3000)) {
      const line = raw.trim();
      const sent = SENT.exec(line) ?? COMMAND.exec(` ${line}`);
      if (sent) {
        find(sent[2]!).command = sent[1]!;
        continue;
      }
      const reply = RECEIVED.exec(line) ?? REPLY.exec(` ${line}`);
      if (reply && blocks.length > 0) {
        blocks.at(-1)!.diagnostic = reply[1]!.trim();
        continue;
      }
      const unable = UNABLE.exec(line);
      if (unable) {
        const block = find(unable[1]!);
        block.diagnostic = line;
        block.unable = true;
      }
    }
    if (blocks.length === 0) return null;
    const recipients = blocks.map((b): RawRecipient => {
      const recipient = recipientFromText(b.address, b.diagnostic, b.command ? { smtpCommand: b.command } : {});
      // "Unable to deliver message to <addr> ... Please check if address is correct": InterScan's wording for a refused address
      if (b.unable) recipient.reason = "userunknown";
      return recipient;
    });
    return { recipients };
  },
};
