// Shapes of the API answers the dashboard reads (DESIGN.md "Contracts" + API-CONTRACT.md).
// Fields beyond the fixed ones are optional: the dashboard shows what is there.

export interface ListPage<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

import { SCOPES, TRIAGE_OUTCOMES } from "@safetynet/core";

export type Outcome = (typeof TRIAGE_OUTCOMES)[number];
export const OUTCOMES: readonly Outcome[] = TRIAGE_OUTCOMES;
export { SCOPES };

export interface FailureSummary {
  id: string;
  sentAt: string | null;
  failedAt?: string;
  reason: string;
  cause: string;
  scope: string;
  outcome: Outcome;
  serious?: boolean;
  sender?: string | null;
  originalSender?: string | null;
  recipient?: string;
  subject?: string | null;
  subjectMasked?: string | null;
  status?: string | null;
  incidentId?: string | null;
  responsible?: string;
}

export interface TimelineEntry {
  at: string | null;
  event: string;
  detail?: unknown;
}

export interface FailureDetail extends FailureSummary {
  replyCode?: string | null;
  diagnostic?: string | null;
  diagnosticMasked?: string | null;
  reportingMta?: string | null;
  remoteMta?: string | null;
  recipientDomain?: string | null;
  originalMessageId?: string | null;
  note?: string | null;
  triagedBy?: string | null;
  triagedAt?: string | null;
  notifiedTo?: string | null;
  backfilled?: boolean;
  timeline: TimelineEntry[];
}

export interface Incident {
  id: string;
  key?: string;
  scope: string;
  status: string;
  cause: string;
  supplierId?: string | null;
  responsible?: string;
  recipientDomain?: string | null;
  reportingHost?: string | null;
  firstSeen?: string;
  lastSeen?: string;
  failureCount?: number;
  distinctSenders?: number;
  acknowledgedBy?: string | null;
  escalatedAt?: string | null;
  resolvedAt?: string | null;
  silence?: { reason: string; createdBy: string; expiresAt: string } | null;
}

export interface YearlyReport {
  rows: { year: number; count: number }[];
  total: number;
}

export interface OutcomeReport {
  rows: { year: number; outcome: Outcome; count: number; share: number }[];
  total: number;
}

export interface SeriousReport {
  rows: {
    id: string;
    year: number;
    sentAt: string;
    cause: string;
    sender: string | null;
    recipientDomain: string | null;
    outcome: Outcome;
    note: string | null;
  }[];
  total: number;
}

/** Per cause, responsible, department or recipient domain; share in percent of the total. */
export interface GroupReport {
  rows: { key: string; count: number; share: number }[];
  total: number;
}
