// KDDI au one net (dion.ne.jp) mail: "Your mail sent on: <date>", then indented lines "Could not
// be delivered to: <addr>" and the cause in English ("As their mailbox is full.").
import type { Reason } from "@safetynet/core";
import type { MailView } from "../mime/mail-view.js";
import { recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = /^Your mail (?:sent on:? [A-Z][a-z]{2},|attempted to be delivered on:? [A-Z][a-z]{2},)/;
const RECIPIENT_LINE = /^\s+Could not be delivered to: <([^<>\s]{1,300}@[^<>\s]{1,255})>/;
// The fixed English sentences au one net uses per cause
const MESSAGES: ReadonlyArray<[string, Reason]> = [
  ["As their mailbox is full", "mailboxfull"],
  ["Due to the following SMTP relay error", "norelaying"],
  ["As the remote domain doesnt exist", "hostunknown"],
];

export const kddi: LhostModule = {
  name: "kddi",
  detect(mail: MailView): boolean {
    if (/no-reply@\S*\.dion\.ne\.jp/i.test(mail.from)) return true;
    if ((mail.headers.get("reply-to") ?? "").trim() === "no-reply@app.auone-net.jp") return true;
    return mail.probe.received.includes("ezweb.ne.jp (") || mail.probe.received.includes(".au.com (");
  },
  parse(mail: MailView): LhostResult | null {
    const lines = mail.text.split("\n").slice(0, 2000);
    const start = lines.findIndex((line) => START.test(line));
    if (start < 0) return null;
    const blocks: Array<{ address: string; lines: string[] }> = [];
    for (const line of lines.slice(start)) {
      const rcpt = RECIPIENT_LINE.exec(line);
      if (rcpt) blocks.push({ address: rcpt[1]!, lines: [] });
      else if (/^\s+\S/.test(line)) blocks.at(-1)?.lines.push(line.trim());
    }
    if (blocks.length === 0) return null;
    const spasign = (mail.headers.get("x-spasign") ?? "").trim() === "NG";
    const recipients = blocks.map((b): RawRecipient => {
      const diagnostic = b.lines.join(" ");
      const recipient = recipientFromText(b.address, diagnostic);
      // X-SPASIGN: NG is au's anti-spam verdict; otherwise the fixed sentence names the cause
      recipient.reason = spasign ? "filtered" : (MESSAGES.find(([needle]) => diagnostic.includes(needle))?.[1] ?? null);
      return recipient;
    });
    return { recipients };
  },
};
