// m-FILTER (Digital Arts, Japanese mail gateway): "failure notice" with X-Mailer: m-FILTER, the
// failed address on a line of its own, then "-------server message" and "-------SMTP command".
import type { MailView } from "../mime/mail-view.js";
import { inlineOriginalHeaders, isAddress, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const SERVER_MESSAGE = "-------server message";
const SMTP_COMMAND = "-------SMTP command";
const ORIGINALS = ["-------original message", "-------original mail info"];
// The failed address stands alone on its line, as m-FILTER writes it: any addr-spec, angle
// brackets or not (a dotless or address-literal domain included), never a line with blanks
const isAddressLine = (line: string): boolean => line.includes("@") && isAddress(normaliseAddress(line));

export const mfilter: LhostModule = {
  name: "mfilter",
  detect(mail: MailView): boolean {
    return (mail.headers.get("x-mailer") ?? "").trim() === "m-FILTER" && mail.subject.trim() === "failure notice";
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    let end = text.length;
    for (const marker of ORIGINALS) {
      const at = text.indexOf(marker);
      if (at >= 0 && at < end) end = at;
    }
    const blocks: Array<{ address: string; diagnostic: string | null; command: string | null }> = [];
    let section: "none" | "message" | "command" = "none";
    for (const raw of text.slice(0, end).split("\n").slice(0, 2000)) {
      const line = raw.trim();
      if (!line) continue;
      if (line === SERVER_MESSAGE) section = "message";
      else if (line === SMTP_COMMAND) section = "command";
      else if (isAddressLine(line)) {
        blocks.push({ address: normaliseAddress(line), diagnostic: null, command: null });
        section = "none";
      } else {
        const current = blocks.at(-1);
        if (!current || line.startsWith("-")) continue;
        if (section === "message" && current.diagnostic === null) current.diagnostic = line;
        else if (section === "command" && current.command === null && /^[A-Z]{4}/.test(line))
          current.command = line.slice(0, 4);
      }
    }
    if (blocks.length === 0) return null;
    const recipients = blocks.map(
      (b): RawRecipient =>
        recipientFromText(b.address, b.diagnostic ?? "", b.command ? { smtpCommand: b.command } : {}),
    );
    return { recipients, originalHeaders: mail.originalHeaders ? null : inlineOriginalHeaders(text, ORIGINALS) };
  },
};
