// Shapes the pure notice code works on: one failed original message, the person told and why
// that person. Built by the processor from database rows; nothing here touches I/O.
import type { Cause, Language } from "./causes.js";

export interface FailedRecipient {
  address: string;
  cause: Cause;
}

/** One original message that did not reach (some of) its recipients. */
export interface FailedMail {
  /** When the caseworker sent it (the original Date header), if known. */
  sentAt: Date | null;
  /** When the NDR arrived. */
  failedAt: Date;
  /** Subject with CPR numbers already masked by the parser; masked again before rendering. */
  subjectMasked: string | null;
  originalMessageId: string | null;
  /** Domain of the original sender: what an inbound notice may say about who wrote. */
  senderDomain: string | null;
  /** The original sender's address: shown to a manager or the team, never in inbound notices. */
  sender: string | null;
  recipients: FailedRecipient[];
  /** Part of a systemic incident: not the sender's fault, handled centrally. */
  systemic: boolean;
  incidentKey: string | null;
}

/**
 * `sender`: the caseworker who sent it; `manager` / `team`: told instead because the sender left
 * or is not in the directory; `mailbox-owner`: owner of one of our mailboxes an inbound mail missed.
 */
export type AudienceRole = "sender" | "manager" | "team" | "mailbox-owner";

export interface Audience {
  address: string;
  role: AudienceRole;
  language: Language;
  name: string | null;
  /** For `manager` and `team`: whose mail it was and why they are not told directly. */
  onBehalfOf?: { address: string; name: string | null; department: string | null; why: "left" | "not-in-directory" };
  /** For `mailbox-owner`: the internal mailboxes that missed mail. */
  mailboxes?: string[];
}

export interface ComposeInput {
  audience: Audience;
  /** One mail, or several for a digest. */
  mails: FailedMail[];
  /** Who to contact, printed at the end. */
  contact: string;
  timeZone?: string;
}

export interface ComposedNotice {
  subject: string;
  text: string;
  html: string;
}
