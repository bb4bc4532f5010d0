// One job catalog: queue names, job names, payload schemas (ids only, never mail content),
// attempts, backoff with jitter, lock duration and retention. Names never change once shipped.
import { z } from "zod";

export const QUEUE_NAMES = {
  ingest: "ingest",
  notify: "notify",
  escalate: "escalate",
  webhooks: "webhooks",
  maintenance: "maintenance",
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

const id = z.string().min(1).max(100);

export interface JobDefinition<S extends z.ZodType> {
  queue: QueueName;
  name: string;
  payload: S;
  /** Deterministic job id, so enqueueing the same work twice is a no-op. BullMQ forbids ':'. */
  jobId(payload: z.infer<S>): string;
  attempts: number;
  backoff: { type: "exponential" | "fixed"; delay: number; jitter: number };
  lockDurationMs: number;
  keepCompleted: { age: number; count: number };
  keepFailed: { age: number };
}

function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

const DAY = 24 * 3600;

export const JOBS = {
  /** Parse, detect CPR, classify and group one stored raw message. */
  ingest: defineJob({
    queue: QUEUE_NAMES.ingest,
    name: "ingest-message",
    payload: z.object({ messageId: id }).strict(),
    jobId: ({ messageId }) => `ingest-${messageId}`,
    attempts: 8,
    backoff: { type: "exponential", delay: 1_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: DAY, count: 10_000 },
    keepFailed: { age: 30 * DAY },
  }),
  /** Tell the people concerned about one failure (the notify processor batches per message). */
  notify: defineJob({
    queue: QUEUE_NAMES.notify,
    name: "notify-failure",
    payload: z.object({ failureId: id }).strict(),
    jobId: ({ failureId }) => `notify-${failureId}`,
    attempts: 10,
    backoff: { type: "exponential", delay: 5_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: 7 * DAY, count: 10_000 },
    keepFailed: { age: 30 * DAY },
  }),
  /** Deliver one incident lifecycle event to the supplier's webhook endpoints. */
  escalate: defineJob({
    queue: QUEUE_NAMES.escalate,
    name: "escalate-incident",
    payload: z
      .object({
        incidentId: id,
        event: z.enum(["incident.opened", "incident.updated", "incident.resolved"]),
        sequence: z.number().int().nonnegative(),
      })
      .strict(),
    jobId: ({ incidentId, event, sequence }) => `escalate-${incidentId}-${event}-${sequence}`,
    attempts: 12,
    backoff: { type: "exponential", delay: 10_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: 7 * DAY, count: 10_000 },
    keepFailed: { age: 30 * DAY },
  }),
  /**
   * One attempt of one webhook event to one endpoint. The retry schedule (immediate, 5 s ... 10 h)
   * is packages/webhooks' and each retry is its own delayed job with the next attempt number; the
   * BullMQ attempts here only cover the worker's own trouble (database or Redis down).
   */
  deliverWebhook: defineJob({
    queue: QUEUE_NAMES.webhooks,
    name: "deliver-webhook",
    payload: z.object({ dispatchId: id, attempt: z.number().int().min(1).max(1000) }).strict(),
    jobId: ({ dispatchId, attempt }) => `deliver-${dispatchId}-${attempt}`,
    attempts: 5,
    backoff: { type: "exponential", delay: 10_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: 7 * DAY, count: 10_000 },
    keepFailed: { age: 30 * DAY },
  }),
  /** Scheduled (CANARY_INTERVAL): send one canary probe through CANARY_SMTP_URL. */
  canaryProbe: defineJob({
    queue: QUEUE_NAMES.maintenance,
    name: "send-canary-probe",
    payload: z.object({}).strict(),
    jobId: () => "send-canary-probe",
    attempts: 1, // the next interval sends the next probe; a retry would only muddle the round trips
    backoff: { type: "fixed", delay: 1_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: 7 * DAY, count: 1_000 },
    keepFailed: { age: 30 * DAY },
  }),
  /** Scheduled (ALARM_CHECK_INTERVAL): evaluate every alarm; enqueues alarmNotify for what fired, repeated or resolved. */
  evaluateAlarms: defineJob({
    queue: QUEUE_NAMES.maintenance,
    name: "evaluate-alarms",
    payload: z.object({}).strict(),
    jobId: () => "evaluate-alarms",
    attempts: 1,
    backoff: { type: "fixed", delay: 1_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: DAY, count: 100 },
    keepFailed: { age: 7 * DAY },
  }),
  /** Tell the team mailbox or the operations webhook about one alarm event. */
  alarmNotify: defineJob({
    queue: QUEUE_NAMES.maintenance,
    name: "notify-alarm",
    payload: z
      .object({
        alarmId: id,
        event: z.enum(["fired", "repeated", "resolved"]),
        sequence: z.number().int().positive(),
        channel: z.enum(["mail", "webhook"]),
      })
      .strict(),
    jobId: ({ alarmId, sequence, channel }) => `alarm-${alarmId}-${sequence}-${channel}`,
    attempts: 10,
    backoff: { type: "exponential", delay: 10_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: 7 * DAY, count: 10_000 },
    keepFailed: { age: 30 * DAY },
  }),
  /** Scheduled (DIGEST_CRON in DIGEST_TZ, 07:30 Copenhagen): the team's daily digest. */
  dailyDigest: defineJob({
    queue: QUEUE_NAMES.maintenance,
    name: "send-daily-digest",
    payload: z.object({}).strict(),
    jobId: () => "send-daily-digest",
    attempts: 5,
    backoff: { type: "exponential", delay: 30_000, jitter: 0.5 },
    lockDurationMs: 60_000,
    keepCompleted: { age: 30 * DAY, count: 100 },
    keepFailed: { age: 30 * DAY },
  }),
  /**
   * Re-run the grouping tick on incidents that time alone changes (group wait over, quiet long
   * enough to resolve) and re-enqueue outbox events left behind. One BullMQ job scheduler
   * (`upsertJobScheduler`, id SWEEP_SCHEDULER_ID) shared by every worker process: each run is one job,
   * taken by one worker, not a timer in every process.
   */
  sweepIncidents: defineJob({
    queue: QUEUE_NAMES.maintenance,
    name: "sweep-incidents",
    payload: z.object({}).strict(),
    jobId: () => "sweep-incidents",
    attempts: 1, // the next run comes with the next interval
    backoff: { type: "fixed", delay: 30_000, jitter: 0.2 },
    lockDurationMs: 5 * 60_000,
    keepCompleted: { age: DAY, count: 100 },
    keepFailed: { age: 7 * DAY },
  }),
  /**
   * Scheduled (RETENTION_SCHEDULER_ID, every RETENTION_PURGE_EVERY_MS): wipe the encrypted bytes of
   * raw messages past RETENTION_DAYS, in batches; the masked failure rows stay for the reports.
   */
  purgeRawMessages: defineJob({
    queue: QUEUE_NAMES.maintenance,
    name: "purge-raw-messages",
    payload: z.object({}).strict(),
    jobId: () => "purge-raw-messages",
    attempts: 1, // the next run (an hour later) picks up what this one left
    backoff: { type: "fixed", delay: 60_000, jitter: 0.2 },
    lockDurationMs: 5 * 60_000,
    keepCompleted: { age: 7 * DAY, count: 200 },
    keepFailed: { age: 30 * DAY },
  }),
} as const;

/** The incident sweep's job scheduler id (never changes once shipped: workers upsert the same one). */
export const SWEEP_SCHEDULER_ID = "incident-sweep";

/** The retention purge's scheduler id, and how often it runs (each run works in batches until done). */
export const RETENTION_SCHEDULER_ID = "retention-purge";
export const RETENTION_PURGE_EVERY_MS = 3600_000;

export type JobKey = keyof typeof JOBS;
export type JobPayload<K extends JobKey> = z.infer<(typeof JOBS)[K]["payload"]>;
