// Amazon WorkMail: sends through SES, so its bounces look like SES's RFC 3464 reports
// (X-SES-Outgoing) but say "X-Mailer: Amazon WorkMail" and open the text with "Technical report:".
import type { MailView } from "../mime/mail-view.js";
import { refineSesStatus } from "./amazonses.js";
import { parseDsnFields, readDeliveryStatus, recipientFromDsn } from "./shared.js";
import type { LhostModule, LhostResult, RawRecipient } from "./types.js";

// WorkMail writes the RFC 3464 fields into the text part after this line, with no delivery-status part
const START = "Technical report:";

export const amazonworkmail: LhostModule = {
  name: "amazonworkmail",
  detect(mail: MailView): boolean {
    const mailer = mail.headers.get("x-original-mailer") ?? mail.headers.get("x-mailer") ?? "";
    return mailer.trim() === "Amazon WorkMail" && mail.headers.has("x-ses-outgoing");
  },
  parse(mail: MailView): LhostResult | null {
    const dsn = readDeliveryStatus(mail) ?? readTechnicalReport(mail.text);
    if (!dsn) return null;
    // Same delivery engine as SES: "5.0.0" + the real code in the text, "<last reply>" after an expiry
    return { ...dsn, recipients: dsn.recipients.map(refineSesStatus) };
  },
  reasonRules: [
    // SES's retry window ran out: "554 4.4.7 Message expired: unable to deliver in 840 minutes.<...>"
    { when: /message expired: unable to deliver in/, reason: "expired" },
  ],
};

function readTechnicalReport(text: string): LhostResult | null {
  const start = text.indexOf(START);
  if (start < 0) return null;
  const report = parseDsnFields(text.slice(start + START.length).replace(/^\s+/, ""));
  const recipients = report.perRecipient.map(recipientFromDsn).filter((r): r is RawRecipient => r !== null);
  if (recipients.length === 0) return null;
  const reporting = report.perMessage["reporting-mta"];
  return { reportingMta: reporting ? reporting.replace(/^[^;]*;\s*/, "").trim() : null, recipients };
}
