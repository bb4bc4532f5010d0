// Domain enums shared by every layer: what a message is, what happened to a recipient,
// who must act, and the lifecycle of incidents, notices and triage.
export const MESSAGE_KINDS = ["bounce", "delay", "delivered", "autoreply", "feedback", "not-bounce"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const RECIPIENT_ACTIONS = ["failed", "delayed", "delivered", "relayed", "expanded"] as const;
export type RecipientAction = (typeof RECIPIENT_ACTIONS)[number];

export const MESSAGE_STATES = ["stored", "parsed", "quarantined"] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const SCOPES = ["individual", "systemic", "pattern", "none"] as const;
export type Scope = (typeof SCOPES)[number];

/** `supplier:<id>` names a supplier registered through the API. */
export type Responsible = "sender" | "recipient" | "own-infrastructure" | `supplier:${string}` | "unknown";

export const INCIDENT_STATUSES = ["pending", "open", "acknowledged", "escalated", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const TRIAGE_OUTCOMES = ["untriaged", "resent", "closed-other", "not-contacted", "no-longer-employed"] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export const NOTICE_STATUSES = ["pending", "sending", "sent", "failed", "suppressed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const WEBHOOK_EVENTS = ["incident.opened", "incident.updated", "incident.resolved"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const MAILBOX_STATUSES = ["active", "paused", "auth-failed", "error"] as const;
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number];

/** One person in the staff directory (CSV import, API): decides who is told when a sender has left. */
export interface StaffEntry {
  email: string;
  name: string;
  department: string | null;
  managerEmail: string | null;
  active: boolean;
  language: string;
}
