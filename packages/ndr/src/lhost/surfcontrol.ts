// SurfControl E-mail Filter (Websense): an RFC 3464 report plus a transcript ("Failed to send to
// identified host, <addr>: [ip], <reply>") that names the remote host's address.
import type { MailView } from "../mime/mail-view.js";
import { readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "Your message could not be sent.";
const END = "--- Message non-deliverable.";
// "kijitora@example.com: [192.0.2.5], 550 kijitora@example.com... No such user"
const ATTEMPT_LINE = /^([^\s@:]{1,128}@[^\s@:]{1,255}):\s*\[([0-9A-Fa-f.:]{2,45})\],\s*(.{1,2000})$/;

export const surfcontrol: LhostModule = {
  name: "surfcontrol",
  detect(mail: MailView): boolean {
    return (
      mail.headers.has("x-sef-processed") && (mail.headers.get("x-mailer") ?? "").trim() === "SurfControl E-mail Filter"
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    const attempts = new Map<string, { address: string; host: string; reply: string }>();
    if (start >= 0) {
      const endAt = text.indexOf(END, start);
      for (const line of text
        .slice(start, endAt < 0 ? undefined : endAt)
        .split("\n")
        .slice(0, 2000)) {
        const match = ATTEMPT_LINE.exec(line.trim());
        if (match) attempts.set(match[1]!.toLowerCase(), { address: match[1]!, host: match[2]!, reply: match[3]! });
      }
    }
    const dsn = readDeliveryStatus(mail);
    if (dsn) {
      const recipients = dsn.recipients.map((r) => ({
        ...r,
        remoteMta: r.remoteMta ?? attempts.get(r.address.toLowerCase())?.host ?? null,
      }));
      return { ...dsn, recipients };
    }
    const recipients = [...attempts.values()].map(
      (a): RawRecipient => recipientFromText(a.address, a.reply, { remoteMta: a.host }),
    );
    return recipients.length > 0 ? { recipients } : null;
  },
};
