// The process's one root logger, for code that has no logger of its own to hand (the error
// listeners of connections made deep inside a factory). `start` and each command set it once.
import type { Logger } from "pino";
import { createConfiguredLogger } from "./create-configured-logger.js";

let root: Logger | undefined;

/** The logger `setRootLogger` installed, else one made from LOG_LEVEL and LOG_FORMAT on first use. */
export function rootLogger(): Logger {
  root ??= createConfiguredLogger();
  return root;
}

export function setRootLogger(logger: Logger): void {
  root = logger;
}
