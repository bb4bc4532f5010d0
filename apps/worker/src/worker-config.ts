// The configuration keys the worker reads, parsed once at start (from the process environment,
// or from an explicit map in tests and the benchmark) by the shared zod schema.
import { INCIDENT_CONFIG_KEYS } from "@safetynet/classifier";
import { type Config, loadConfig, parseConfig } from "@safetynet/config";
import { WATCH_CONFIG_KEYS } from "./watch/watch-context.js";

export const WORKER_KEYS = [
  "DATABASE_URL",
  "REDIS_URL",
  "REDIS_PREFIX",
  "SAFETYNET_KEY",
  "LOG_LEVEL",
  "WORKER_CONCURRENCY",
  "RESPONSIBILITY_RULES",
  "INTERNAL_DOMAINS",
  "WEBHOOK_ALLOW_HOSTS",
  "SUPPLIERS_FILE",
  "PUBLIC_URL",
  "API_HOST",
  "API_PORT",
  "NOTICE_DIGEST_THRESHOLD",
  "NOTICE_DIGEST_MINUTES",
  ...INCIDENT_CONFIG_KEYS,
  ...WATCH_CONFIG_KEYS,
] as const;

export type WorkerConfig = Pick<Config, (typeof WORKER_KEYS)[number]>;

export function readWorkerConfig(env?: Record<string, string | undefined>): WorkerConfig {
  return env ? parseConfig(env, WORKER_KEYS) : loadConfig(WORKER_KEYS);
}
