// The process's logger as its configuration asks: LOG_LEVEL, and LOG_FORMAT, which keeps the
// lines readable where the terminal test cannot see a person (the demo's output in a file or a pipe).
import type { Logger } from "pino";
import type { Config } from "./config-schema.js";
import { createLogger } from "./create-logger.js";
import { loadConfig } from "./load-config.js";

export function createConfiguredLogger(
  config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT"> = loadConfig(["LOG_LEVEL", "LOG_FORMAT"]),
): Logger {
  const pretty = config.LOG_FORMAT === "auto" ? undefined : config.LOG_FORMAT === "pretty";
  return createLogger({ level: config.LOG_LEVEL, ...(pretty === undefined ? {} : { pretty }) });
}
