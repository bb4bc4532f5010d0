// One root pino logger. Redaction removes credentials and mail content by key wherever they
// appear (top level and up to two levels down); never log subjects, bodies or CPR numbers.
import { type DestinationStream, type Logger, pino } from "pino";

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
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: options.name ?? "safetynet",
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      base: { pid: process.pid },
    },
    options.destination,
  );
}

export type { Logger };
