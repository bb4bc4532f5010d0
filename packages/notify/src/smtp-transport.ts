// The one SMTP transport for notices: nodemailer, pooled, TLS as configured (smtps://, STARTTLS
// opportunistic/required/off, certificate checks). Headers mark every notice as automatic.
import nodemailer from "nodemailer";
import { buildNoticeMessage, type OutgoingNotice } from "./build-notice-message.js";

export type { OutgoingNotice };

export interface TransportSettings {
  SMTP_URL: string;
  NOTICE_FROM: string;
  SMTP_STARTTLS: "opportunistic" | "required" | "off";
  SMTP_TLS_REJECT_UNAUTHORIZED: boolean;
  SMTP_POOL_SIZE: number;
}

export interface SendResult {
  response: string;
  accepted: string[];
}

export interface NoticeTransport {
  send(notice: OutgoingNotice): Promise<SendResult>;
  close(): void;
}

/** Nodemailer options from the settings; exported so a test can check the TLS choices. */
export function transportOptions(settings: TransportSettings) {
  const url = new URL(settings.SMTP_URL);
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  return {
    pool: true as const,
    maxConnections: settings.SMTP_POOL_SIZE,
    maxMessages: 1000,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 25)),
    secure,
    ignoreTLS: !secure && settings.SMTP_STARTTLS === "off",
    requireTLS: !secure && settings.SMTP_STARTTLS === "required",
    tls: { rejectUnauthorized: settings.SMTP_TLS_REJECT_UNAUTHORIZED },
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    // Short timeouts bound the window in which a dead worker leaves a notice in `sending`.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
  };
}

/** Longest time one SMTP transaction can take with the options above, plus slack. */
export const SENDING_LEASE_MS = 60_000;

export function createNoticeTransport(settings: TransportSettings): NoticeTransport {
  const transport = nodemailer.createTransport(transportOptions(settings));
  transport.on("error", () => {
    /* pool errors surface on the next send; never crash the worker on the emitter */
  });
  return {
    async send(notice) {
      const raw = buildNoticeMessage(settings.NOTICE_FROM, notice);
      const info = await transport.sendMail({ envelope: { from: settings.NOTICE_FROM, to: [notice.to] }, raw });
      return { response: String(info.response ?? ""), accepted: (info.accepted ?? []).map(String) };
    },
    close() {
      transport.close();
    },
  };
}
