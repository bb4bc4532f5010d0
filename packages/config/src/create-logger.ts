// One root pino logger. Redaction removes credentials and mail content by key wherever they
// appear (top level and up to two levels down); never log subjects, bodies or CPR numbers.
// On a terminal the lines are for people (time, level, component: message, fields); anywhere
// else (a pipe, a file, journald, a log shipper) they stay one JSON object per line.
import { createRequire } from "node:module";
import { type DestinationStream, type Logger, pino } from "pino";
import type { PrettyOptions } from "pino-pretty";

const SENSITIVE_KEYS = [
  "authorization",
  "Authorization",
  "cookie",
  "password",
  "pass",
  "passwd",
  "token",
  "accessToken",
  "access_token",
  "secret",
  "clientSecret",
  "client_secret",
  "apiKey",
  "subject",
  "Subject",
  "body",
  "text",
  "html",
  "raw",
  "source",
  "content",
  "diagnosticCode",
  "diagnostic",
];

export const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((key) => `*.${key}`),
  ...SENSITIVE_KEYS.map((key) => `*.*.${key}`),
  'req.headers["authorization"]',
  'headers["authorization"]',
];

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where the lines go; standard output when absent. */
  destination?: DestinationStream;
  /** Readable lines instead of JSON; by default when the lines go to a terminal. */
  pretty?: boolean;
}

const PRETTY: PrettyOptions = {
  singleLine: true,
  translateTime: "SYS:HH:MM:ss.l",
  ignore: "pid,hostname,name,component",
  messageFormat: "{if component}{component}: {end}{msg}",
  // The code logs `error` as a short string; pino-pretty would otherwise print it on lines of its own.
  errorLikeObjectKeys: ["err"],
};

/** pino-pretty formats in this process (no transport thread); loaded only when used. */
function prettyStream(destination: DestinationStream | undefined): DestinationStream {
  const build = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty").build;
  return build({ ...PRETTY, sync: true, ...(destination ? { destination, colorize: false } : {}) });
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  return pino(
    {
      name: options.name ?? "safetynet",
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { pid: process.pid },
    },
    pretty ? prettyStream(options.destination) : options.destination,
  );
}

export type { Logger };
