// An `error` listener that leaves a trace without flooding (STYLE.md rules 8 and 18): the first
// error of an outage is logged at once; repeats while it lasts are counted and logged with
// backoff (1 s, doubling to 5 min), so a Redis that is down for an hour writes about 20 lines.
import type { Logger } from "pino";
import { rootLogger } from "./root-logger.js";

export interface ErrorEmitter {
  on(event: "error", listener: (error: Error) => void): unknown;
}

export interface LogErrorsOptions {
  /** Defaults to the root logger. */
  logger?: Logger;
  /** Milliseconds since some epoch; tests inject one. */
  clock?: () => number;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** The error's first line, without a stack: enough to name the cause, never a payload. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 300);
}

export function logErrors(emitter: ErrorEmitter, component: string, options: LogErrorsOptions = {}): void {
  const clock = options.clock ?? Date.now;
  const firstDelay = options.firstDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 300_000;
  let delay = firstDelay;
  let nextLogAt = Number.NEGATIVE_INFINITY;
  let lastErrorAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  let logged = 0;
  emitter.on("error", (error) => {
    const now = clock();
    // Quiet for longer than the longest wait: the outage ended, so the next error starts afresh.
    // (Repeats it held back belong to the outage that was logged already.)
    if (now - lastErrorAt > maxDelay) {
      delay = firstDelay;
      nextLogAt = Number.NEGATIVE_INFINITY;
      suppressed = 0;
      logged = 0;
    }
    lastErrorAt = now;
    if (now < nextLogAt) {
      suppressed++;
      return;
    }
    const logger = options.logger ?? rootLogger();
    const cause = describeError(error);
    if (logged === 0) logger.error({ component, error: cause }, `${component}: error`);
    else {
      const count = suppressed + 1;
      logger.error(
        { component, error: cause, repeated: count },
        `${component}: still failing (${count} ${count === 1 ? "error" : "errors"} since the last line)`,
      );
    }
    logged++;
    suppressed = 0;
    nextLogAt = now + delay;
    delay = Math.min(delay * 2, maxDelay);
  });
}
