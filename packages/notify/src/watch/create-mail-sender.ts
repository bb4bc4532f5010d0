// Sends ready-built messages over an SMTP URL with nodemailer (the team's alarms and digest over
// SMTP_URL, the canary probe over CANARY_SMTP_URL). One connection per message: these are rare.
import nodemailer from "nodemailer";
import { type TransportSettings, transportOptions } from "../smtp-transport.js";

export interface MailSender {
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<{ response: string; accepted: string[] }>;
  close(): void;
}

export function createMailSender(
  settings: Pick<TransportSettings, "SMTP_URL" | "SMTP_STARTTLS" | "SMTP_TLS_REJECT_UNAUTHORIZED">,
): MailSender {
  const { connection, auth } = transportOptions({ ...settings, NOTICE_FROM: "", SMTP_POOL_SIZE: 1 });
  const transport = nodemailer.createTransport({ ...connection, ...(auth ? { auth } : {}), pool: false });
  return {
    async send(envelope, raw) {
      const info = await transport.sendMail({ envelope, raw });
      return { response: String(info.response ?? ""), accepted: (info.accepted ?? []).map(String) };
    },
    close() {
      transport.close();
    },
  };
}
