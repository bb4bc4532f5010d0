// HCL (IBM, Lotus) Domino: "DELIVERY FAILURE:" subject, text "Your message ... was not delivered
// to: <addr> because: <reason>", sometimes with an RFC 3464 part whose Diagnostic-Code is X-Notes.
import type { MailView } from "../mime/mail-view.js";
import { headersFromPairs, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

const SUBJECT = /^DELIVERY[ _]FAILURE:/;
const NOT_DELIVERED = "was not delivered to:";
const BECAUSE = "because:";

export const domino: LhostModule = {
  name: "domino",
  detect(mail: MailView): boolean {
    return SUBJECT.test(mail.subject);
  },
  parse(mail: MailView): LhostResult | null {
    const lines = mail.text.split("\n").slice(0, 2000);
    const blocks: Array<{ address: string | null; diagnosis: string[] }> = [];
    let subject: string | null = null;
    let inBecause = false;
    for (const line of lines) {
      const trimmed = line.trim();
      if (trimmed === NOT_DELIVERED) {
        blocks.push({ address: null, diagnosis: [] });
        inBecause = false;
        continue;
      }
      const current = blocks.at(-1);
      if (!current) {
        const field = /^\s+Subject:\s*(.*)$/.exec(line);
        if (field && subject === null) subject = field[1]!.trim();
        continue;
      }
      if (trimmed === BECAUSE) {
        inBecause = true;
        continue;
      }
      if (!trimmed) {
        if (inBecause && current.diagnosis.length > 0) inBecause = false;
        continue;
      }
      if (inBecause) current.diagnosis.push(trimmed);
      else if (!current.address && /^\S+@\S+$/.test(trimmed)) current.address = trimmed;
    }
    let fromText = blocks.filter((block) => block.address !== null);
    if (fromText.length === 0) fromText = readByIndentation(lines);
    const dsn = readDeliveryStatus(mail);
    if (fromText.length === 0 && !dsn) return null;

    let recipients: RawRecipient[];
    if (dsn && (fromText.length === 0 || dsn.recipients.length === fromText.length)) {
      // The X-Notes DSN names the routed address; the text carries the readable reason
      recipients = dsn.recipients.map((r, i) => {
        const text = fromText[i]?.diagnosis.join(" ");
        return text ? { ...r, diagnosticCode: text, replyCode: null, smtpCommand: null } : r;
      });
    } else {
      recipients = fromText.map((block) => recipientFromText(block.address!, block.diagnosis.join(" ")));
    }
    return {
      reportingMta: dsn?.reportingMta ?? null,
      recipients,
      originalHeaders: mail.originalHeaders ? null : headersFromPairs([["Subject", subject]]),
    };
  },
  reasonRules: [
    // Domino's router: the address is not in the Domino Directory (English, older NAB, French, Japanese)
    {
      when: /not listed in (?:domino directory|public name & address book)|non répertorié dans l'annuaire domino|domino ディレクトリには見つかりません/,
      reason: "userunknown",
    },
    // Router refuses the route to this user (restriction or unroutable user document)
    { when: /cannot route mail to user/, reason: "filtered" },
    // Several person documents match the name: the router cannot choose
    { when: /several matches found in domino directory/, reason: "systemerror" },
    // "Maximum hop count exceeded. Message probably in a routing loop." is a network-level loop
    { when: /maximum hop count exceeded|message probably in a routing loop/, reason: "networkerror" },
  ],
};

/**
 * Language packs translate "was not delivered to:" and "because:", but keep the layout: indented
 * paragraphs, a lone address, then the reason. Read that when the English markers are absent.
 */
function readByIndentation(lines: readonly string[]): Array<{ address: string | null; diagnosis: string[] }> {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (!line.trim()) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else if (/^\s{2,}\S/.test(line)) current.push(line.trim());
    else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  const out: Array<{ address: string | null; diagnosis: string[] }> = [];
  for (const paragraph of paragraphs) {
    if (paragraph.length === 1 && /^[^\s@]{1,128}@[^\s@]{1,255}$/.test(paragraph[0]!))
      out.push({ address: paragraph[0]!, diagnosis: [] });
    else if (out.length > 0 && out.at(-1)!.diagnosis.length === 0) out.at(-1)!.diagnosis.push(...paragraph);
  }
  return out;
}
