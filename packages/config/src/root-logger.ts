// The process's one root logger, for code that has no logger of its own to hand (the error
// listeners of connections made deep inside a factory). `start` and each command set it once.
import type { Logger } from "pino";
import { createLogger } from "./create-logger.js";
import { loadConfig } from "./load-config.js";

let root: Logger | undefined;

/** The logger `setRootLogger` installed, else one made from LOG_LEVEL on first use. */
export function rootLogger(): Logger {
  root ??= createLogger({ level: loadConfig(["LOG_LEVEL"]).LOG_LEVEL });
  return root;
}

export function setRootLogger(logger: Logger): void {
  root = logger;
}
