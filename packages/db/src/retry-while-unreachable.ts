// Start-up steps that need the database (seeding suppliers, reading rules, registering the
// mailbox) wait for it instead of ending the process: a worker or poller started while PostgreSQL
// restarts (a host reboot, a failover) would otherwise exit and stay down until someone noticed.
// Found by the reliability suite. Only "cannot reach the server" errors are retried; anything
// else (a refused password, a missing table) still fails at once with its own message.

import type { Logger } from "@safetynet/config";
import { backoffDelay } from "@safetynet/core";

const UNREACHABLE_CODES = new Set([
  "P1001", // Prisma: can't reach database server
  "P1002", // Prisma: the server timed out
  "P1017", // Prisma: the server closed the connection
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the database system is starting up
]);
const UNREACHABLE_TEXT =
  /can't reach database server|database system is (starting up|shutting down)|connection terminated|terminating connection/i;

/** True when the error (or one of its causes) says the server could not be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, errorCode, message, cause } = current as {
      code?: unknown;
      errorCode?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (UNREACHABLE_CODES.has(String(code)) || UNREACHABLE_CODES.has(String(errorCode))) return true;
    if (typeof message === "string" && UNREACHABLE_TEXT.test(message)) return true;
    current = cause;
  }
  return false;
}

export interface RetryOptions {
  log: Logger;
  /** Backoff between tries (default 0.5 s doubling to 10 s). */
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function retryWhileUnreachable<T>(
  what: string,
  step: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await step();
      if (attempt > 0) options.log.info({ step: what, attempts: attempt + 1 }, "database reachable again");
      return result;
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      const delay = backoffDelay(attempt, {
        baseMs: options.baseMs ?? 500,
        maxMs: options.maxMs ?? 10_000,
        jitter: 0.5,
      });
      // The first miss and then every fifth: an outage leaves a trace without flooding the log.
      if (attempt % 5 === 0)
        options.log.warn(
          {
            step: what,
            attempt: attempt + 1,
            retryInMs: delay,
            error: String((error as Error).message).split("\n")[0],
          },
          "database unreachable at start: waiting for it",
        );
      await sleep(delay);
    }
  }
}
