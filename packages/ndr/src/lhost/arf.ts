// ARF spam complaints (RFC 5965, RFC 6650): a message/feedback-report part, or the older
// Hotmail/Yahoo/AOL styles that carry the same fields in text. Reported as kind "feedback".
import { parseHeaderBlock } from "../mime/header.js";
import type { MailView } from "../mime/mail-view.js";
import { containsAny, findAddress, findAddresses } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

export const arf: LhostModule = {
  name: "arf",
  detect(mail: MailView): boolean {
    const ct = mail.root.params["report-type"] ?? "";
    return (
      ct.toLowerCase() === "feedback-report" ||
      mail.feedbackReport !== null ||
      isAppleUnsubscribe(mail) ||
      containsAny(mail.subject, ["complaint about message"])
    );
  },
  parse(mail: MailView): LhostResult | null {
    if (mail.feedbackReport === null && isAppleUnsubscribe(mail)) return appleUnsubscribe(mail);
    const report = mail.feedbackReport;
    const hotmail = report === null && /complaint about message from /i.test(mail.subject);
    if (report === null && !hotmail) return null;
    const fields = parseHeaderBlock((report ?? "").replace(/\n\s*\n/g, "\n"));
    const feedbackType = (fields.get("feedback-type") ?? "abuse").trim().toLowerCase();
    const original = mail.originalHeaders;
    // RFC 5965 section 3.2: Original-Rcpt-To names the complaining recipient; else the original's To
    const addresses: string[] = [];
    // Removal-Recipient: the opt-out extension of RFC 6650 feedback reports
    for (const candidate of [...fields.getAll("original-rcpt-to"), ...fields.getAll("removal-recipient")]) {
      const address = findAddress(candidate);
      if (address && !addresses.includes(address)) addresses.push(address);
    }
    if (addresses.length === 0 && !hotmail) {
      for (const candidate of original?.getAll("to") ?? [])
        for (const address of findAddresses(candidate)) if (!addresses.includes(address)) addresses.push(address);
    }
    // No recipient named: the reserved-domain placeholder Sisimai uses, so consumers can filter it
    if (addresses.length === 0) addresses.push(UNDISCLOSED);
    const recipients: RawRecipient[] = addresses.map((address) => ({
      address,
      action: "complained",
      reason: "feedback",
      feedbackType,
      diagnosticCode: null,
    }));
    return {
      kind: "feedback",
      reportingMta: fields.get("reporting-mta")?.replace(/^[^;]*;\s*/, "") ?? null,
      arrivalDate: fields.get("arrival-date") ?? fields.get("received-date") ?? null,
      recipients,
    };
  },
};

// Apple Mail's "unsubscribe" button sends a plain message from the user to the List-Unsubscribe
// mailto: address, marked "X-Apple-Unsubscribe: true" (and Auto-Submitted: auto-replied, which
// must not make it a vacation reply): an opt-out complaint by its sender (RFC 6650 opt-out)
function isAppleUnsubscribe(mail: MailView): boolean {
  return (mail.headers.get("x-apple-unsubscribe") ?? "").trim().toLowerCase() === "true";
}

function appleUnsubscribe(mail: MailView): LhostResult | null {
  const address = findAddress(mail.from);
  if (!address) return null;
  return {
    kind: "feedback",
    recipients: [{ address, action: "complained", reason: "feedback", feedbackType: "opt-out", diagnosticCode: null }],
  };
}

export const UNDISCLOSED = "undisclosed-recipient-in-headers@libsisimai.org.invalid";
