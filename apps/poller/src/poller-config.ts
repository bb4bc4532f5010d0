// The configuration keys the poller reads, parsed once at start (from the process environment,
// or from an explicit map in tests) by the shared zod schema.
import { type Config, loadConfig, parseConfig } from "@safetynet/config";
import { AppError } from "@safetynet/core";

export const POLLER_KEYS = [
  "DATABASE_URL",
  "REDIS_URL",
  "REDIS_PREFIX",
  "SAFETYNET_KEY",
  "IMAP_URL",
  "IMAP_ACCESS_TOKEN",
  "IMAP_OAUTH_TOKEN_URL",
  "IMAP_OAUTH_CLIENT_ID",
  "IMAP_OAUTH_CLIENT_SECRET",
  "IMAP_OAUTH_SCOPE",
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
  "LOG_LEVEL",
] as const;

export type PollerConfig = Pick<Config, (typeof POLLER_KEYS)[number]>;

export function readPollerConfig(env?: Record<string, string | undefined>): PollerConfig {
  const config = env ? parseConfig(env, POLLER_KEYS) : loadConfig(POLLER_KEYS);
  // The client-credentials grant needs all three; say which one is missing (never a value).
  if (config.IMAP_OAUTH_TOKEN_URL) {
    const missing = (["IMAP_OAUTH_CLIENT_ID", "IMAP_OAUTH_CLIENT_SECRET"] as const).filter((key) => !config[key]);
    if (missing.length)
      throw new AppError("CONFIG_INVALID", {
        message: `IMAP_OAUTH_TOKEN_URL is set, so ${missing.join(" and ")} must be set too (OAuth2 client credentials)`,
      });
  }
  return config;
}
