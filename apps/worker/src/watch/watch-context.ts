// What the watch jobs (canary, alarms, digest) need: the database, the queues they look at and
// enqueue on, the configuration, a logger and a clock (tests move time; the jobs never read it
// elsewhere).
import { CANARY_CONFIG_KEYS } from "@safetynet/canary";
import type { Config, Logger } from "@safetynet/config";
import type { DbClient } from "@safetynet/db";
import type { Queue } from "bullmq";

export const WATCH_CONFIG_KEYS = [
  ...CANARY_CONFIG_KEYS,
  "ALARM_CHECK_INTERVAL",
  "ALARM_REPEAT",
  "ALARM_SILENCE_FLOOR",
  "ALARM_DISCONNECTED_AFTER",
  "ALARM_QUEUE_AGE",
  "ALARM_QUEUE_BACKLOG",
  "OPS_WEBHOOK_URL",
  "OPS_WEBHOOK_SECRET",
  "TEAM_MAILBOX",
  "DIGEST_CRON",
  "DIGEST_TZ",
  "RETENTION_DAYS",
] as const satisfies readonly (keyof Config)[];

export type WatchConfig = Pick<Config, (typeof WATCH_CONFIG_KEYS)[number]>;

export interface WatchContext {
  db: DbClient;
  config: WatchConfig;
  log: Logger;
  /** The maintenance queue (alarm notifications are enqueued on it). */
  maintenance: Queue;
  /** Queues whose backlog is watched. */
  watched: Queue[];
  clock: () => Date;
  /** When watching began: no probe at all is "missing" only a full interval after it. */
  startedAt: Date;
}
