// One error model for the whole product: a string code, a message safe to show, and the
// HTTP status each code maps to (one table, used by the API's single error handler).
export const ERROR_HTTP_STATUS = {
  CONFIG_INVALID: 500,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  PARSE_FAILED: 422,
  RATE_LIMITED: 429,
  DEPENDENCY_UNAVAILABLE: 503,
  IMAP_AUTH_FAILED: 502,
  IMAP_UNAVAILABLE: 503,
  SMTP_TRANSIENT: 503,
  SMTP_PERMANENT: 502,
  WEBHOOK_BLOCKED: 400,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export interface AppErrorOptions {
  message?: string;
  status?: number;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? ERROR_HTTP_STATUS[code];
    this.details = options.details;
  }
}

export function httpStatusFor(error: unknown): number {
  return error instanceof AppError ? error.status : ERROR_HTTP_STATUS.INTERNAL;
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
