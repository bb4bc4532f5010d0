// Oracle (Sun ONE, iPlanet, PMDF) Messaging Server: "Delivery Notification:" reports whose text
// lists "Recipient address:", "Original address:", "Reason:", "Diagnostic code:" per recipient.
import type { MailView } from "../mime/mail-view.js";
import { findAddress, findStatus, normaliseAddress, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// The report opens with this line; the fields follow it, indented
const START = "This report relates to a message you sent with the following header fields:";
const FIELD = /^\s+(Recipient address|Original address|Reason|Diagnostic code|Remote system):\s*(.*)$/i;

interface Block {
  address: string;
  reason?: string;
  diagnostic?: string;
  type?: string;
  remote?: string;
}

export const messagingserver: LhostModule = {
  name: "messagingserver",
  detect(mail: MailView): boolean {
    // Its MIME boundaries are always "Boundary_(ID_...)"
    return (
      (mail.headers.get("content-type") ?? "").includes("Boundary_(ID_") ||
      mail.subject.startsWith("Delivery Notification: ")
    );
  },
  parse(mail: MailView): LhostResult | null {
    const text = mail.text;
    const start = text.indexOf(START);
    if (start < 0) return null;
    const blocks: Block[] = [];
    for (const line of text.slice(start).split("\n").slice(0, 4000)) {
      const field = FIELD.exec(line);
      if (!field) continue;
      const name = field[1]!.toLowerCase();
      const value = field[2]!.trim();
      if (name === "recipient address") {
        blocks.push({ address: value });
        continue;
      }
      const current = blocks.at(-1);
      if (!current) continue;
      if (name === "original address")
        current.address = value; // the address the sender wrote, before rewriting
      else if (name === "reason") current.reason = value;
      else if (name === "diagnostic code") {
        const semi = value.indexOf(";");
        current.type = semi > 0 ? value.slice(0, semi).trim() : undefined;
        current.diagnostic = semi > 0 ? value.slice(semi + 1).trim() : value;
      } else if (name === "remote system") current.remote = /^dns;\s*(\S+)/i.exec(value)?.[1];
    }
    // Lines that are only a Status field live in the DSN part (or inline after the text)
    const dsn = readDeliveryStatus(mail);
    const inlineStatuses = [...text.slice(start).matchAll(/^Status:\s*(\d\.\d{1,3}\.\d{1,3})/gim)].map((m) => m[1]!);
    const recipients: RawRecipient[] = [];
    blocks.forEach((block, i) => {
      const address =
        findAddress(block.address) ?? (block.address.includes("@") ? normaliseAddress(block.address) : null);
      if (!address) return;
      const fromDsn = dsn?.recipients.find(
        (r) =>
          r.address.toLowerCase() === address.toLowerCase() ||
          r.originalRecipient?.toLowerCase() === address.toLowerCase(),
      );
      const diagnostic = block.diagnostic ?? block.reason ?? "";
      // a generic X.0.0 here gives way to the reply code in the diagnostic (parse-message.ts)
      const status = fromDsn?.status ?? inlineStatuses[i] ?? findStatus(block.reason);
      recipients.push(
        recipientFromText(address, diagnostic, {
          // "Delivery Notification: Delivery has been delayed" reports carry Action: delayed
          action: fromDsn?.action ?? (/delayed/i.test(mail.subject) ? "delayed" : "failed"),
          status,
          diagnosticType: block.type ?? null,
          remoteMta: block.remote ?? fromDsn?.remoteMta ?? null,
          lastAttemptDate: fromDsn?.lastAttemptDate ?? null,
        }),
      );
    });
    if (recipients.length === 0) return dsn;
    return { reportingMta: dsn?.reportingMta ?? null, arrivalDate: dsn?.arrivalDate ?? null, recipients };
  },
  reasonRules: [
    // "Reason: Illegal host/domain name found": the MTA could not resolve the recipient's domain
    { when: /illegal host\/domain name found/, reason: "hostunknown" },
  ],
};
