// The configuration keys the poller reads, parsed once at start (from the process environment,
// or from an explicit map in tests) by the shared zod schema.
import { type Config, loadConfig, parseConfig } from "@safetynet/config";

export const POLLER_KEYS = [
  "DATABASE_URL",
  "REDIS_URL",
  "REDIS_PREFIX",
  "SAFETYNET_KEY",
  "IMAP_URL",
  "IMAP_ACCESS_TOKEN",
  "IMAP_MARK",
  "IMAP_PROCESSED_FOLDER",
  "IMAP_KEYWORD",
  "IMAP_RESYNC_SECONDS",
  "IMAP_FULL_SYNC_SECONDS",
  "IMAP_IDLE",
  "IMAP_BATCH_SIZE",
  "IMAP_LEASE_SECONDS",
  "IMAP_BACKOFF_MAX_SECONDS",
  "IMAP_MAILBOX_RELOAD_SECONDS",
  "MAX_MESSAGE_BYTES",
  "SAFETYNET_CRASH_AT",
  "LOG_LEVEL",
] as const;

export type PollerConfig = Pick<Config, (typeof POLLER_KEYS)[number]>;

export function readPollerConfig(env?: Record<string, string | undefined>): PollerConfig {
  return env ? parseConfig(env, POLLER_KEYS) : loadConfig(POLLER_KEYS);
}
