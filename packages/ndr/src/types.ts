// Public shapes of a parsed bounce report: what `parseMessage` returns and `safetynet parse` prints.
// Field names follow DESIGN.md ("Contracts that outside checks rely on"); keep them stable.
import type { Reason } from "@safetynet/core";

export type Kind = "bounce" | "delay" | "delivered" | "autoreply" | "feedback" | "not-bounce";

/** RFC 3464 section 2.3.3 actions, plus the two non-DSN kinds the report also lists. */
export type Action = "failed" | "delayed" | "delivered" | "relayed" | "expanded" | "autoreplied" | "complained";

export interface RecipientReport {
  address: string;
  action: Action;
  /** Enhanced status code (RFC 3463) such as "5.1.1", or null when the report has none. */
  status: string | null;
  /** Basic SMTP reply code (RFC 5321) such as "550", or null. */
  replyCode: string | null;
  reason: Reason;
  hardBounce: boolean;
  /** Diagnostic text, CPR-masked. */
  diagnosticCode: string | null;
  remoteMta: string | null;
  smtpCommand: string | null;
  originalRecipient: string | null;
  lastAttemptDate: string | null;
  /** ARF (RFC 5965) Feedback-Type, for kind "feedback" only. */
  feedbackType?: string;
}

export interface OriginalMessage {
  from: string | null;
  to: string[];
  /** Subject with every CPR number masked. */
  subject: string | null;
  messageId: string | null;
  date: string | null;
}

export interface BounceReport {
  kind: Kind;
  decodedBy: string | null;
  reportingMta: string | null;
  arrivalDate: string | null;
  recipients: RecipientReport[];
  original: OriginalMessage;
  cause: "cpr-in-subject" | null;
  cpr: { inSubject: boolean; count: number };
}
