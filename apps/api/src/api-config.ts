// The variables the API reads (a subset of the run contract's schema in packages/config).
import { type Config, loadConfig, parseConfig } from "@safetynet/config";

export const API_CONFIG_KEYS = [
  "DATABASE_URL",
  "REDIS_URL",
  "REDIS_PREFIX",
  "SAFETYNET_KEY",
  "API_HOST",
  "API_PORT",
  "ADMIN_TOKEN",
  "INTERNAL_DOMAINS",
  "LOG_LEVEL",
  "WEBHOOK_SECRET_GRACE_HOURS",
] as const;

export type ApiConfig = Pick<Config, (typeof API_CONFIG_KEYS)[number]>;

export function readApiConfig(env?: Record<string, string | undefined>): ApiConfig {
  return env ? parseConfig(env, API_CONFIG_KEYS) : loadConfig(API_CONFIG_KEYS);
}
