// The one SMTP transport for notices: a pool of nodemailer SMTPConnections, TLS as configured
// (smtps://, STARTTLS opportunistic/required/off, certificate checks). `onDataStart` marks the
// point of no return of each notice (packages/notify/README.md, "Delivery and exactly once").
import { buildNoticeMessage, type OutgoingNotice } from "./build-notice-message.js";
import { createSmtpPool } from "./smtp-pool.js";

export type { OutgoingNotice };

export interface TransportSettings {
  SMTP_URL: string;
  NOTICE_FROM: string;
  SMTP_STARTTLS: "opportunistic" | "required" | "off";
  SMTP_TLS_REJECT_UNAUTHORIZED: boolean;
  SMTP_POOL_SIZE: number;
  /** Messages inside DATA at once; one when absent. */
  NOTICE_DATA_WINDOW?: number;
}

export interface SendResult {
  response: string;
  accepted: string[];
}

export interface SendOptions {
  /**
   * Awaited after the server answered 354 to DATA, before the first byte of the message: a
   * notice whose onDataStart never finished cannot have been accepted. A rejection aborts the
   * transaction (the connection is closed without the final ".").
   */
  onDataStart?: () => Promise<void>;
  /**
   * Awaited after the server accepted, before the notice leaves the DATA window: where the
   * acceptance is recorded. A rejection reaches the caller of send; the message was accepted.
   */
  onAccepted?: () => Promise<void>;
}

export interface NoticeTransport {
  send(notice: OutgoingNotice, options?: SendOptions): Promise<SendResult>;
  close(): void;
}

/** SMTPConnection options from the settings; exported so a test can check the TLS choices. */
export function transportOptions(settings: TransportSettings) {
  const url = new URL(settings.SMTP_URL);
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  return {
    connection: {
      host: url.hostname,
      port: Number(url.port || (secure ? 465 : 25)),
      secure,
      ignoreTLS: !secure && settings.SMTP_STARTTLS === "off",
      requireTLS: !secure && settings.SMTP_STARTTLS === "required",
      opportunisticTLS: !secure && settings.SMTP_STARTTLS === "opportunistic",
      tls: { rejectUnauthorized: settings.SMTP_TLS_REJECT_UNAUTHORIZED },
      // Short timeouts bound how long a live worker can hold a notice in `sending`.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      logger: false,
    },
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    size: settings.SMTP_POOL_SIZE,
    dataWindow: settings.NOTICE_DATA_WINDOW ?? 1,
    maxMessages: 1000,
    // One session open ahead of the next notice: on a quiet day a notice would otherwise wait for a
    // new one each time (the relay has closed the idle one), with its greeting delay (smtp-server:
    // 100 ms; postscreen: seconds), TLS and AUTH.
    warm: 1,
  };
}

/** Longest time one SMTP transaction can take with the options above, plus slack. */
export const SENDING_LEASE_MS = 60_000;

export function createNoticeTransport(settings: TransportSettings): NoticeTransport {
  const { auth, ...rest } = transportOptions(settings);
  const pool = createSmtpPool({ ...rest, ...(auth ? { auth } : {}) });
  return {
    async send(notice, options = {}) {
      const raw = buildNoticeMessage(settings.NOTICE_FROM, notice);
      return pool.send({ from: settings.NOTICE_FROM, to: notice.to, raw, ...options });
    },
    close() {
      pool.close();
    },
  };
}
