// Parses the environment (plus a `.env` file) once, at start, and fails fast with a message
// that names each bad variable and what it expects. No other module reads process.env.

import { AppError } from "@safetynet/core";
import { config as readDotenv } from "dotenv";
import type { z } from "zod";
import { type Config, type ConfigKey, configSchema, SECRET_KEYS } from "./config-schema.js";

type Env = Record<string, string | undefined>;

let dotenvLoaded = false;

/** The process environment with `.env` (from the working directory) filled in underneath. */
export function processEnv(): Env {
  if (!dotenvLoaded) {
    readDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
}

function describeIssues(error: z.ZodError, env: Env): string {
  const lines = error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "?");
    const value = env[key];
    const shown =
      value === undefined || value === ""
        ? "it is not set"
        : SECRET_KEYS.has(key)
          ? "got a value that does not fit"
          : `got "${value}"`;
    return `  ${key}: ${issue.message} (${shown})`;
  });
  return `Invalid configuration:\n${lines.join("\n")}`;
}

/** Validate the given keys (all when omitted) of `env`; empty strings count as unset. */
export function parseConfig<K extends ConfigKey>(env: Env, keys?: readonly K[]): Pick<Config, K> {
  const schema = keys ? configSchema.pick(Object.fromEntries(keys.map((key) => [key, true])) as never) : configSchema;
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new AppError("CONFIG_INVALID", { message: describeIssues(result.error, env) });
  }
  return result.data as Pick<Config, K>;
}

const cache = new Map<string, unknown>();

/** Parse once per process for a set of keys; later calls return the same object. */
export function loadConfig<K extends ConfigKey>(keys?: readonly K[]): Pick<Config, K> {
  const cacheKey = keys ? [...keys].sort().join(",") : "*";
  if (!cache.has(cacheKey)) cache.set(cacheKey, parseConfig(processEnv(), keys));
  return cache.get(cacheKey) as Pick<Config, K>;
}
