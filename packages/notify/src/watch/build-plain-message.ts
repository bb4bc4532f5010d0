// A plain-text RFC 5322 message for the team (alarms, the daily digest) and for the canary probe:
// one quoted-printable text part, headers from the caller. Built with the same pure encoders as
// the notices.
import { encodeWords, foldLines } from "nodemailer/lib/mime-funcs";
import { encode as qpEncode, wrap as qpWrap } from "nodemailer/lib/qp";
import { rfc5322Date } from "../build-notice-message.js";

export interface PlainMessage {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  /** Extra header lines, e.g. `Auto-Submitted: auto-generated`. */
  headers?: string[];
  date?: Date;
}

const safe = (value: string) => value.replace(/[\r\n]/g, " ");

export function buildPlainMessage(message: PlainMessage): Buffer {
  const lines = [
    `From: Sikkerhedsnet <${safe(message.from)}>`,
    `To: ${safe(message.to)}`,
    foldLines(`Subject: ${encodeWords(safe(message.subject), "Q", 52)}`, 76),
    `Message-ID: ${safe(message.messageId)}`,
    `Date: ${rfc5322Date(message.date ?? new Date())}`,
    "MIME-Version: 1.0",
    ...(message.headers ?? []).map(safe),
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
  ];
  const body = qpWrap(qpEncode(message.text.replace(/\r?\n/g, "\r\n")), 76);
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}\r\n`, "utf8");
}
