// Sendmail version 5 and its clones (pre-DSN, 1990s): "Returned mail:" subject, a "Transcript of
// session follows" with "NNN <addr>... error" lines, the SMTP dialogue as ">>>" / "<<<" lines.
import type { MailView } from "../mime/mail-view.js";
import { findAddress, findReplyCode, inlineOriginalHeaders, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const START = "----- Transcript of session follows -----";
const ENDS = ["----- Unsent message follows -----", "----- No message was collected -----"];
// "550 <user@host>... User unknown": sendmail 5's per-recipient error line
const RECIPIENT_LINE = /^(\d{3})\s+<([^<>\s]{1,300}@[^<>\s]{1,255})>\.\.\.\s*(.*)$/;
// "421 host (smtp)... Deferred: ...": an error about a host, not naming the recipient
const HOST_LINE = /^(\d{3})\s+\S+(?: \(\w+\))?\.\.\.\s*(.+)$/;

export const v5sendmail: LhostModule = {
  name: "v5sendmail",
  detect(mail: MailView): boolean {
    return /^Returned mail: [A-Z]/.test(mail.subject);
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    let end = -1;
    for (const marker of ENDS) {
      const at = text.indexOf(marker, start);
      if (at >= 0 && (end < 0 || at < end)) end = at;
    }
    // Sendmail 8 writes the same transcript but adds a DSN part: leave those to the sendmail module
    if (end < 0 || mail.deliveryStatus !== null) return null;

    const recipients: RawRecipient[] = [];
    let command: string | null = null;
    let response: string | null = null;
    let hostError: string | null = null;
    for (const line of text.slice(start, end).split("\n").slice(1, 2000)) {
      const trimmed = line.trim();
      const rcpt = RECIPIENT_LINE.exec(trimmed);
      if (rcpt) {
        // The dialogue lines just above the error belong to it; each is used once
        const diagnostic = response ? `${rcpt[3]}: ${response}` : rcpt[3]!;
        recipients.push(
          recipientFromText(rcpt[2]!, diagnostic, {
            replyCode: findReplyCode(response) ?? rcpt[1]!,
            ...(command ? { smtpCommand: command } : {}),
          }),
        );
        command = null;
        response = null;
        continue;
      }
      if (trimmed.startsWith(">>>")) command = /^>>>\s*([A-Za-z]{4})/.exec(trimmed)?.[1]?.toUpperCase() ?? null;
      else if (trimmed.startsWith("<<<")) response = trimmed.slice(3).trim();
      else {
        const host = HOST_LINE.exec(trimmed);
        if (host && hostError === null) hostError = `${host[1]} ${host[2]}`;
      }
    }
    const original = mail.originalHeaders ?? inlineOriginalHeaders(text, ENDS);
    if (recipients.length === 0 && hostError) {
      // Only a host-level error: the recipient is the returned message's To
      const address = findAddress(original?.get("to"));
      if (address) recipients.push(fromHostError(address, hostError));
    }
    if (recipients.length === 0) return null;
    return { recipients, originalHeaders: mail.originalHeaders ? null : original };
  },
};

function fromHostError(address: string, error: string): RawRecipient {
  const recipient = recipientFromText(address, error);
  // A "Deferred:" error in a returned message: sendmail gave up when the queue timeout passed
  if (/^4\d\d Deferred:/.test(error)) recipient.reason = "expired";
  return recipient;
}
