// How a notice recognises itself: a Message-ID with a fixed local-part prefix, an
// X-Safetynet-Notice header and a subject prefix. Loop protection (a bounce of a notice) reads them.
export const NOTICE_HEADER = "X-Safetynet-Notice";
export const NOTICE_SUBJECT_PREFIX = "[Sikkerhedsnet]";
const PREFIX = "sn-notice.";
const OUR_ID = /^<?sn-notice\.([a-z-]{1,100})@[^>\s]+>?$/i;

// Ids are written with their decimal digits as letters (0-9 -> g-p): a notice must never carry
// a run of ten digits, which a reader (and the leak tests) would take for a CPR number.
const DIGIT_LETTERS = "ghijklmnop";

/** A hex id (a UUID) without decimal digits, reversibly. */
export function digitFree(hex: string): string {
  return hex.toLowerCase().replace(/[0-9]/g, (digit) => DIGIT_LETTERS[Number(digit)]!);
}

function fromDigitFree(token: string): string {
  return token.toLowerCase().replace(/[g-p]/g, (letter) => String(DIGIT_LETTERS.indexOf(letter)));
}

/** The token that stands for a notice in its Message-ID and X-Safetynet-Notice header. */
export function noticeToken(noticeId: string): string {
  return digitFree(noticeId);
}

/** Message-ID of the notice with this id, in the From address's domain (RFC 5322 section 3.6.4). */
export function noticeMessageId(noticeId: string, fromAddress: string): string {
  const domain = fromAddress.split("@")[1] ?? "safetynet.invalid";
  return `<${PREFIX}${noticeToken(noticeId)}@${domain}>`;
}

/** The notice id inside one of our Message-IDs (or X-Safetynet-Notice value), or null for anyone else's. */
export function noticeIdFromMessageId(messageId: string | null | undefined): string | null {
  const match = OUR_ID.exec((messageId ?? "").trim());
  return match ? fromDigitFree(match[1]!) : null;
}

export function noticeIdFromToken(token: string): string {
  return fromDigitFree(token);
}
