// The alarm model shared by the pure evaluation and the worker's job: what is observed, the
// condition each alarm key is in, the alarms already open, and what to do about them.

export type AlarmKind =
  | "canary"
  | "mailbox-silent"
  | "mailbox-auth"
  | "poller-disconnected"
  | "queue-backlog"
  | "notice-failures"
  | "webhook-endpoint-disabled";

/** The state of one alarm key now. Messages carry ids, counts and durations only. */
export interface AlarmCondition {
  key: string;
  kind: AlarmKind;
  firing: boolean;
  /** Why it fires; when not firing, what shows the cause is gone (the resolution message). */
  message: string;
  detail?: Record<string, string | number | boolean | null>;
}

/** An alarm that fired and has not resolved (a row of the Alarm table). */
export interface OpenAlarm {
  id: string;
  key: string;
  kind: AlarmKind;
  firedAt: Date;
  lastNotifiedAt: Date;
  notifications: number;
}

export type AlarmDecision =
  | { action: "fire"; condition: AlarmCondition }
  | { action: "repeat"; alarm: OpenAlarm; condition: AlarmCondition }
  | { action: "resolve"; alarm: OpenAlarm; message: string };

export interface CanaryObservation {
  /** CANARY_TO is set: probes go out. */
  enabled: boolean;
  /** When this watch started (the worker's start): no probe at all is "missing" only after a full interval. */
  watchingSince: Date;
  /** Recent probes (at least the last interval + deadline). */
  runs: readonly { probeId: string; sentAt: Date; returnedAt: Date | null }[];
}

export interface MailboxObservation {
  id: string;
  name: string;
  status: "active" | "paused" | "auth_failed" | "error";
  disconnectedSince: Date | null;
  lastMessageAt: Date | null;
  /** The usual gap between two messages, learned from history (learnUsualGap); null: too little history. */
  usualGapMs: number | null;
}

export interface QueueObservation {
  name: string;
  waiting: number;
  oldestWaitingAt: Date | null;
}

export interface AlarmObservations {
  canary: CanaryObservation;
  mailboxes: readonly MailboxObservation[];
  queues: readonly QueueObservation[];
  /** Notices that failed for good (status failed) in the look-back window. */
  failedNotices: { count: number; latestAt: Date | null };
  disabledEndpoints: readonly { id: string; supplierId: string }[];
}

export interface AlarmSettings {
  canaryIntervalMs: number;
  canaryDeadlineMs: number;
  silenceFloorMs: number;
  /** Silent when quiet longer than this many usual gaps. */
  silenceFactor: number;
  disconnectedAfterMs: number;
  queueAgeMs: number;
  queueBacklog: number;
  repeatMs: number;
}
