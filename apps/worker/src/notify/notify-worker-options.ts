// Recommended BullMQ Worker options for the notify queue: many jobs in flight (each spends most
// of its time waiting on Postgres and SMTP), and the catalog's lock duration.
import { JOBS } from "@safetynet/queue";

export const NOTIFY_WORKER_OPTIONS = {
  concurrency: 32,
  lockDuration: JOBS.notify.lockDurationMs,
} as const;
