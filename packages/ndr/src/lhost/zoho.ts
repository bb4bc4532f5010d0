// Zoho Mail (X-ZohoMail): "addr Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <reply>" one
// line per recipient, or in delay warnings "[Status: Error, Address: <addr>, ResponseCode 421, , text]".
import type { MailView } from "../mime/mail-view.js";
import { findStatus, inlineOriginalHeaders, isAddress, normaliseAddress, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "This message was created automatically by mail delivery";
// The returned original follows after a blank line, starting "Received:from mail.zoho.com by mx.zohomail.com"
const ORIGINAL = /\n\s*\nReceived: ?from /;
// Zoho's own field labels; the reply code is followed by "," so the generic finder misses it
const ERROR_CODE = /ERROR_CODE :(\d{3})\b/;
const RESPONSE_CODE = /ResponseCode (\d{3})\b/;

export const zoho: LhostModule = {
  name: "zoho",
  detect(mail: MailView): boolean {
    return mail.headers.has("x-zohomail");
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const original = ORIGINAL.exec(text.slice(start));
    const end = original ? start + original.index : text.length;
    const delayed = text.slice(start, end).includes("THIS IS A WARNING MESSAGE ONLY");
    // One line per recipient; a wrapped reply continues on the lines after it, up to a blank line
    const blocks: string[][] = [];
    let open = false;
    for (const line of text.slice(start, end).split("\n").slice(1)) {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith("-----")) {
        open = false;
      } else if (startsRecipient(trimmed)) {
        blocks.push([trimmed]);
        // a bracketed "[Status: ...]" entry is complete on its line
        open = !trimmed.startsWith("[Status:");
      } else if (open) {
        blocks.at(-1)!.push(trimmed);
      }
    }
    const recipients = blocks
      .map((lines) => readBlock(lines.join(" "), delayed))
      .filter((r): r is RawRecipient => r !== null);
    if (recipients.length === 0) return null;
    // The slice opens with the blank line before "Received:": the header block starts after it
    return {
      recipients,
      originalHeaders: mail.originalHeaders ?? (original ? inlineOriginalHeaders(text.slice(end), ["\n"]) : null),
    };
  },
  reasonRules: [
    // Zoho's text when no MX of the recipient domain answered; it keeps retrying until it gives up
    { when: /host not reachable/, reason: "expired" },
  ],
};

function startsRecipient(line: string): boolean {
  return (
    line.startsWith("[Status:") || (line.includes("ERROR_CODE :") && isAddress(line.slice(0, line.search(/\s|$/))))
  );
}

function readBlock(line: string, delayed: boolean): RawRecipient | null {
  const action = delayed ? "delayed" : "failed";
  if (line.startsWith("[Status:")) {
    // "[Status: Error, Address: <kijitora@example.jp>, ResponseCode 421, , Host not reachable.]"
    const address = /Address: <([^<>\s]{1,300}@[^<>\s]{1,255})>/.exec(line)?.[1];
    if (!address) return null;
    return recipientFromText(address, line.replace(/^\[|\]$/g, ""), {
      action,
      replyCode: RESPONSE_CODE.exec(line)?.[1] ?? null,
    });
  }
  const space = line.search(/\s/);
  if (space < 3) return null;
  const address = line.slice(0, space);
  if (!isAddress(address)) return null;
  const diagnostic = line.slice(space).trim();
  // "ERROR_CODE :5.1.1 <addr>..." carries the status; the first ERROR_CODE is the reply code
  return recipientFromText(normaliseAddress(address), diagnostic, {
    action,
    replyCode: ERROR_CODE.exec(diagnostic)?.[1] ?? null,
    status: findStatus(diagnostic),
  });
}
