// What one attempt's result means for the event and for the endpoint, decided from the evidence
// (the HTTP status, Retry-After), not guessed: 2xx delivered; 410 Gone disables the endpoint
// (the receiver says it is gone for good); anything else is retried on the schedule, and an
// endpoint that has failed without one success for DISABLE_AFTER_MS is disabled. Pure.
import { nextRetryDelay } from "./retry-schedule.js";

/** An endpoint failing this long without a single success is disabled and staff are alerted. */
export const DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;

export interface AttemptEvidence {
  /** 1-based attempt number of this dispatch. */
  attempt: number;
  /** Null when no response came (refused by the guard, timeout, connection error). */
  httpStatus: number | null;
  retryAfterMs: number | null;
  now: Date;
  /** When the endpoint's current run of failures began; null after a success. */
  failingSince: Date | null;
  random?: () => number;
}

export type DisableReason = "gone" | "failing";

export interface DeliveryOutcome {
  succeeded: boolean;
  /** The dispatch: done, retried at a time, or given up. */
  next: { kind: "done" } | { kind: "retry"; at: Date } | { kind: "give-up" };
  endpoint: { failingSince: Date | null; disable: DisableReason | null };
}

export function decideDeliveryOutcome(evidence: AttemptEvidence): DeliveryOutcome {
  const { httpStatus, now } = evidence;
  if (httpStatus !== null && httpStatus >= 200 && httpStatus < 300) {
    return { succeeded: true, next: { kind: "done" }, endpoint: { failingSince: null, disable: null } };
  }
  const failingSince = evidence.failingSince ?? now;
  const disable: DisableReason | null =
    httpStatus === 410 ? "gone" : now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS ? "failing" : null;
  if (disable) return { succeeded: false, next: { kind: "give-up" }, endpoint: { failingSince, disable } };
  const honoursRetryAfter = httpStatus === 429 || httpStatus === 503;
  const delay = nextRetryDelay(evidence.attempt, {
    retryAfterMs: honoursRetryAfter ? evidence.retryAfterMs : null,
    ...(evidence.random ? { random: evidence.random } : {}),
  });
  return {
    succeeded: false,
    next: delay === null ? { kind: "give-up" } : { kind: "retry", at: new Date(now.getTime() + delay) },
    endpoint: { failingSince, disable: null },
  };
}
