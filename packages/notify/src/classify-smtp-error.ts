// Transient or permanent, decided from the SMTP reply code (RFC 5321 section 4.2.1), not guessed:
// 4xx and connection faults are retried with backoff, 5xx gives up and alerts staff.
export type SmtpFailureKind = "transient" | "permanent";

export interface SmtpFailure {
  kind: SmtpFailureKind;
  /** The reply code, or null for a network fault. */
  responseCode: number | null;
  /** A short description safe to store: the code and nodemailer's error code, never the text. */
  summary: string;
}

export function classifySmtpError(error: unknown): SmtpFailure {
  const shaped = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  const responseCode = typeof shaped.responseCode === "number" ? shaped.responseCode : null;
  const code = typeof shaped.code === "string" ? shaped.code : "ERROR";
  const summary = responseCode ? `smtp ${responseCode} (${code})` : `network (${code})`;
  if (responseCode !== null && responseCode >= 500 && responseCode < 600)
    return { kind: "permanent", responseCode, summary };
  // Nodemailer's envelope errors: no valid recipient or sender is a permanent fault of the notice.
  if (code === "EENVELOPE" && responseCode === null) return { kind: "permanent", responseCode, summary };
  return { kind: "transient", responseCode, summary };
}
