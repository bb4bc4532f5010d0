// The state the pure grouping step reads and returns: one fingerprint's unattached failures,
// baseline counts, latest incident and silences, loaded by the worker or held by the CLI.
import type { IncidentStatus, Responsible, WebhookEvent } from "@safetynet/core";
import type { Cause, CauseNature } from "../causes.js";

export interface GroupInput {
  /** Failure id in the worker; file#index#recipient in the CLI. */
  ref: string;
  /** Event time (epoch ms): the NDR's Date, so back-fills group as they happened. */
  at: number;
  sender: string | null;
  fingerprint: string;
  fingerprintVersion: number;
  cause: Cause;
  nature: CauseNature;
  patternable: boolean;
  responsible: Responsible;
  reportingHost: string | null;
  recipientDomain: string | null;
  /** False for back-filled history: grouped, but never escalated. */
  live: boolean;
}

export interface UnattachedFailure {
  ref: string;
  at: number;
  sender: string | null;
}

export interface IncidentState {
  key: string;
  /** 1 for a fingerprint's first incident, +1 per recurrence. */
  sequence: number;
  fingerprint: string;
  fingerprintVersion: number;
  scope: "systemic" | "pattern";
  status: IncidentStatus;
  cause: Cause;
  responsible: Responsible;
  reportingHost: string | null;
  recipientDomain: string | null;
  firstSeen: number;
  lastSeen: number;
  failureCount: number;
  distinctSenders: number;
  /** Senders already counted: all of them in the CLI, at least those this step may add in the worker. */
  knownSenders: string[];
  previousKey: string | null;
  /** `incident.opened` has been sent to the supplier. */
  announced: boolean;
  /** Some failure in it arrived live (not back-filled), so it may be escalated. */
  live: boolean;
  resolvedAt: number | null;
}

export interface GroupState {
  fingerprint: string;
  unattached: UnattachedFailure[];
  /** Failure counts in the baselineRanges windows (computed by the caller). */
  baseline: number[];
  latest: IncidentState | null;
  /** Expiry times of silences on this fingerprint. */
  silences: number[];
}

export type GroupEffect =
  | { type: "incident-saved"; incident: IncidentState; created: boolean }
  | { type: "failures-attached"; incidentKey: string; refs: string[] }
  | { type: "senders-added"; incidentKey: string; senders: { sender: string; firstSeen: number }[] }
  | { type: "escalate"; incidentKey: string; event: WebhookEvent; sequence: number };

export interface GroupResult {
  state: GroupState;
  effects: GroupEffect[];
}

export type { CauseNature };
