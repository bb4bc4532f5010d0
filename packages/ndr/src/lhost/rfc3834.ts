// Automatic responses (RFC 3834: Auto-Submitted: auto-replied) and out-of-office replies that
// only say so in the subject or vendor headers. Reported as kind "autoreply", reason "vacation".
import type { MailView } from "../mime/mail-view.js";
import { findAddress } from "./shared.js";
import type { LhostModule, LhostResult } from "./types.js";

// Observed subject prefixes of vacation replies (Outlook in Danish/English/German/..., Gmail, Zimbra)
const AUTOREPLY_SUBJECT =
  /^\s*(?:auto:|auto response:|automatic reply:|out of (?:the )?office:|auto(?:matic)?[ -]?(?:reply|response|svar|antwort|réponse)|autosvar|fraværende|out of (?:the )?office|abwesenheit|absence|vacation|ferie|on vacation|automatisk svar|réponse automatique|risposta automatica|respuesta automática|auto:|autoreply)/i;
const AUTOREPLY_HEADERS = ["x-autoreply", "x-autorespond", "x-ms-exchange-inbox-rules-loop", "x-mailer-autoreply"];

// Bounces and system mail that carry auto-reply markers are not vacation replies (Sisimai RFC3834.pm)
const EXCLUDE_FROM = /(?:^|[<\s"])(?:root|postmaster|mailer-daemon)@/i;
const EXCLUDE_SUBJECT =
  /security information for|mail failure -|undeliver|delivery (?:status|failure|has failed|notification)|returned mail|non[- ]?delivery|failure notice|unzustellbar|kan ikke leveres|ikke leveret/i;
const AUTO_SUBMITTED = /^auto-(?:replied|generated|notified)/i;

export const rfc3834: LhostModule = {
  name: "rfc3834",
  detect(mail: MailView): boolean {
    const headers = mail.headers;
    if (
      EXCLUDE_FROM.test(headers.get("from") ?? "") ||
      EXCLUDE_SUBJECT.test(mail.subject) ||
      /^root@/i.test(headers.get("to") ?? "")
    )
      return false;
    const autoSubmitted = headers.get("auto-submitted") ?? "";
    if (AUTO_SUBMITTED.test(autoSubmitted)) return true;
    if (/oof|autoreply/i.test(headers.get("x-auto-response-suppress") ?? "")) return true;
    if (/^vacation$/i.test(headers.get("x-apple-action") ?? "")) return true;
    if (/^auto_reply$/i.test(headers.get("precedence") ?? "")) return true;
    if (AUTOREPLY_HEADERS.some((name) => headers.has(name))) return true;
    return AUTOREPLY_SUBJECT.test(mail.subject);
  },
  parse(mail: MailView): LhostResult | null {
    // A delivery report that happens to carry Auto-Submitted is not a vacation reply
    if (mail.deliveryStatus !== null) return null;
    const address = findAddress(mail.headers.get("from")) ?? findAddress(mail.headers.get("return-path"));
    if (!address) return null;
    const text = mail.text.trim().replace(/\s+/g, " ").slice(0, 500);
    return {
      kind: "autoreply",
      recipients: [{ address, action: "autoreplied", reason: "vacation", diagnosticCode: text || null }],
    };
  },
};
