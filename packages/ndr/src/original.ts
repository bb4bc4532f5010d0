// The original message a bounce returns: From, To, Subject (CPR-masked), Message-ID, Date, read
// from the enclosed message/rfc822 or text/rfc822-headers part, or from headers a module cut out.
import { decodeWords, type Headers } from "./mime/header.js";
import { findAddress, findAddresses } from "./smtp/address.js";
import type { OriginalMessage } from "./types.js";

export function readOriginal(
  headers: Headers | null,
  mask: (text: string) => string,
): { original: OriginalMessage; rawSubject: string | null } {
  if (!headers)
    return { original: { from: null, to: [], subject: null, messageId: null, date: null }, rawSubject: null };
  const rawSubject = headers.get("subject");
  const subject = rawSubject === null ? null : decodeWords(rawSubject);
  const to = [...headers.getAll("to"), ...headers.getAll("cc")].flatMap((value) => findAddresses(decodeWords(value)));
  return {
    original: {
      from: findAddress(decodeWords(headers.get("from") ?? "")) ?? findAddress(headers.get("return-path")),
      to: [...new Set(to)].slice(0, 1000),
      subject: subject === null ? null : mask(subject),
      messageId: headers.get("message-id")?.trim() || null,
      date: toIsoDate(headers.get("date")),
    },
    rawSubject: subject,
  };
}

/** RFC 5322 date to ISO-8601 UTC, or null when unreadable. */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  JST: 540,
  CET: 60,
  CEST: 120,
};
// RFC 5322 section 3.3 date-time (the common case, parsed without Date.parse's slow legacy path)
const RFC5322_DATE =
  /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2})(\d{2})|([A-Z]{1,4}))?/;

export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const fast = RFC5322_DATE.exec(value.trim());
  if (fast) {
    const month = MONTHS[fast[2]!.toLowerCase()];
    let year = Number(fast[3]);
    if (year < 100) year += year < 50 ? 2000 : 1900; // RFC 5322 section 4.3 obsolete two-digit years
    if (month !== undefined) {
      const offset = fast[7]
        ? (fast[7] === "-" ? -1 : 1) * (Number(fast[8]) * 60 + Number(fast[9]))
        : (ZONES[fast[10] ?? "UT"] ?? 0);
      const time =
        Date.UTC(year, month, Number(fast[1]), Number(fast[4]), Number(fast[5]), Number(fast[6] ?? 0)) -
        offset * 60_000;
      if (Number.isFinite(time) && year >= 1970 && year <= 2200) return new Date(time).toISOString();
    }
  }
  const cleaned = value
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const time = Date.parse(cleaned);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  if (date.getUTCFullYear() < 1970 || date.getUTCFullYear() > 2200) return null;
  return date.toISOString();
}
