// Builds a notice as RFC 5322 bytes before the SMTP transaction: headers that mark it automatic
// and ours, text and HTML alternatives (quoted-printable), a boundary with no digit runs. Built
// here with libmime (RFC 2047 encoded words, header folding) and libqp (RFC 2045
// quoted-printable), maintained by nodemailer's author, rather than nodemailer's MailComposer
// streams, which cost 1.4 ms CPU per notice (measured, packages/notify/README.md), ten times this.
import libmime from "libmime";
import libqp from "libqp";
import { NOTICE_HEADER, noticeToken } from "./notice-identity.js";
import type { ComposedNotice } from "./types.js";

export interface OutgoingNotice {
  noticeId: string;
  to: string;
  messageId: string;
  language: string;
  composed: ComposedNotice;
  /** Sent again after a crash inside DATA: the reader may already have a copy with this Message-ID. */
  possibleRepeat?: boolean;
}

/** Marks a copy sent again after a crash inside DATA (the first copy may have arrived). */
export const POSSIBLE_REPEAT_HEADER = "X-Safetynet-Possible-Repeat";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** RFC 5322 section 3.3 date-time in UTC, e.g. `Sat, 28 Nov 2026 14:05:09 +0000`. */
export function rfc5322Date(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function part(type: string, body: string): string {
  // Text is CRLF-normalised first, so quoted-printable keeps line breaks as real line breaks.
  const encoded = libqp.wrap(libqp.encode(body.replace(/\r?\n/g, "\r\n")), 76);
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${encoded}`;
}

/** A header address must not be able to break a header line (addresses come from the database). */
function headerSafe(value: string): string {
  return value.replace(/[\r\n]/g, " ");
}

export function buildNoticeMessage(from: string, notice: OutgoingNotice, now = new Date()): Buffer {
  // The notice's own token is unique and never occurs in its quoted-printable body.
  const boundary = `--_sn_${noticeToken(notice.noticeId)}`;
  const headers = [
    `From: Sikkerhedsnet <${headerSafe(from)}>`,
    `To: ${headerSafe(notice.to)}`,
    libmime.foldLines(`Subject: ${libmime.encodeWords(notice.composed.subject, "Q", 52)}`, 76),
    `Message-ID: ${headerSafe(notice.messageId)}`,
    `Date: ${rfc5322Date(now)}`,
    "MIME-Version: 1.0",
    // RFC 3834: automatic mail; auto-responders must not answer it.
    "Auto-Submitted: auto-generated",
    // Exchange: no out-of-office or read receipts back to the notice sender.
    "X-Auto-Response-Suppress: All",
    `Content-Language: ${headerSafe(notice.language)}`,
    `${NOTICE_HEADER}: ${noticeToken(notice.noticeId)}`,
    ...(notice.possibleRepeat ? [`${POSSIBLE_REPEAT_HEADER}: yes`] : []),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const body = [
    `--${boundary}`,
    part("text/plain", notice.composed.text),
    `--${boundary}`,
    part("text/html", notice.composed.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return Buffer.from(`${headers.join("\r\n")}\r\n\r\n${body}`, "utf8");
}
