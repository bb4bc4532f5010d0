// Mimecast email security gateway: "[Postmaster] Email Delivery Failure" with "-- value" lines
// after fixed prompts (the address, "The problem appears to be :", "Additional information follows :").
import type { MailView } from "../mime/mail-view.js";
import { findAddress, readDeliveryStatus, recipientFromText } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

const ADDRESS_PROMPTS = ["could not be delivered:", "addressed to email address :"];
const PROBLEM = "The problem appears to be :";
const ADDITIONAL = "Additional information follows :";

export const mimecast: LhostModule = {
  name: "mimecast",
  detect(mail: MailView): boolean {
    // parse() still insists on Mimecast's prompts, so the subject alone may open the door
    const headers = mail.headers;
    if (mail.subject.includes("Email Delivery Failure")) return true;
    return headers.has("x-mc-system") || (headers.get("message-id") ?? "").includes(".mimecast.lan>");
  },
  parse(mail: MailView): LhostResult | null {
    const lines = mail.text.split("\n").slice(0, 500);
    // Each prompt's value is the next line that starts with "-- "
    const valueAfter = (prompt: (line: string) => boolean): string | null => {
      const at = lines.findIndex(prompt);
      if (at < 0) return null;
      const value = lines.slice(at + 1, at + 4).find((line) => line.startsWith("-- "));
      return value ? value.slice(3).trim() : null;
    };
    const address = findAddress(valueAfter((line) => ADDRESS_PROMPTS.some((p) => line.includes(p))));
    if (!address && !lines.some((line) => line.includes(PROBLEM))) return null;
    const dsn = readDeliveryStatus(mail);
    if (!address && !dsn) return null;
    const problem = valueAfter((line) => line.includes(PROBLEM));
    const additional = valueAfter((line) => line.includes(ADDITIONAL));
    const fromDsn = dsn?.recipients.find((r) => !address || r.address.toLowerCase() === address.toLowerCase()) ?? null;
    // Mimecast's own classification and the remote reply it quotes, as one text
    const diagnostic = fromDsn?.diagnosticCode ?? ([problem, additional].filter(Boolean).join(" ") || "");
    const recipient = recipientFromText(address ?? fromDsn!.address, diagnostic, {
      remoteMta: fromDsn?.remoteMta ?? null,
      lastAttemptDate: fromDsn?.lastAttemptDate ?? null,
    });
    // Mimecast's DSN says "Status : 5.0.0" while the remote reply it quotes has the real code:
    // the shared rule in parse-message.ts prefers the reply's code over a generic X.0.0
    recipient.status = fromDsn?.status ?? recipient.status ?? null;
    return { reportingMta: dsn?.reportingMta ?? null, arrivalDate: dsn?.arrivalDate ?? null, recipients: [recipient] };
  },
  reasonRules: [
    // Mimecast's problem category for a recipient the remote host does not know
    { when: /recipient email address is possibly incorrect/, reason: "userunknown" },
  ],
};
