// Recommended BullMQ Worker options for the notify queue: many jobs in flight (each spends most
// of its time waiting on Postgres and SMTP), and the catalog's lock duration.
import { JOBS } from "@safetynet/queue";

export const NOTIFY_WORKER_OPTIONS = {
  concurrency: 32,
  lockDuration: JOBS.notify.lockDurationMs,
  // A job stalls when its worker dies. BullMQ fails a job that stalls more than this many times,
  // which would drop its notice; the processor is safe to run again (the notice row decides), so
  // a job survives any number of crashes.
  maxStalledCount: 1_000,
} as const;
