// The words of a notice, one object per language. Texts per cause say why in plain words and
// what to do now; the rest frames them. Functions take only values already masked and escaped.
import type { Cause } from "../causes.js";

export interface CauseText {
  /** Why the mail did not arrive, in plain words. */
  why: string;
  /** What the reader should do now. */
  todo: string;
}

export interface TemplateStrings {
  locale: string;
  subjectOutbound(count: number): string;
  subjectInbound(count: number): string;
  greeting(name: string | null): string;
  introOutbound(count: number): string;
  introOnBehalf(
    sender: string,
    department: string | null,
    why: "left" | "not-in-directory",
    role: "manager" | "team",
  ): string;
  introInbound(count: number): string;
  receiptWasWrong: string;
  labels: {
    sender: string;
    sentAt: string;
    failedAt: string;
    notReached: string;
    subject: string;
    messageId: string;
    why: string;
    todo: string;
    fromDomain: string;
    mailbox: string;
    unknownValue: string;
    mail(index: number, total: number): string;
  };
  causes: Record<Cause, CauseText>;
  systemic: { why(incidentKey: string | null): string; todo: string };
  inboundTodo: string;
  digestNote(count: number): string;
  /** After the listed recipients of a mail that failed for more than a notice can list. */
  moreRecipients(count: number): string;
  contact(contact: string): string;
  footer: string;
}
