// Shape clues around a candidate that mark it as some other kind of number: a phone prefix, part
// of a longer grouped number, glued to a word, inside a Message-ID or URL, or a date and a time.
import type { Candidate } from "./scan-candidates.js";
import type { CprForm } from "./types.js";

/**
 * One clue: a reason for the match's `reasons` and how much it lowers the confidence. Weak clues
 * ("may be something else") count once however many there are, so stacking them cannot push a
 * valid number under MASK_THRESHOLD; strong clues (a phone prefix, a Message-ID) add up.
 */
export interface ShapeClue {
  reason: string;
  penalty: number;
  weak: boolean;
}

const weak = (reason: string): ShapeClue => ({ reason, penalty: 0.3, weak: true });
const strong = (reason: string): ShapeClue => ({ reason, penalty: 0.6, weak: false });

// "+45 ", "+49-", "0046 ", "(+45) ": an international prefix right before means a phone number;
// so does a "+" glued to the digits ("+3021012345": the country code is inside the ten digits).
const PHONE_PREFIX = /(?:\+\s?\d{1,3}|(?<!\d)00\d{2}|\(\+?\d{1,3}\))[\s\u00a0-]?$|\+$/;
// "12.0102031234", "2024/010203-1234", "1234-0102031234": the run continues a grouped number.
const GROUP_BEFORE = /\d[-./]$/;
const GROUP_AFTER = /^[-./]\d/;
// "1234 0102031234": a Danish bank account is reg.nr (4 digits) then up to 10 bare digits. Not
// when the four digits end a date ("13.05.2024 0102031234") or the number is hyphenated.
const REG_NR_BEFORE = /(?<![\d.,/-])\d{4}[\s\u00a0]+$/;
// "0102031234 5678": a further group of four makes a card, IBAN or tracking number.
const GROUP_OF_FOUR_AFTER = /^[\s\u00a0]\d{4}(?!\d)/;
const LETTER = /[a-zA-ZæøåÆØÅäöüÄÖÜ_]/;
// "INV-0102031234", "ORD_0102031234", "SO/0102031234": a letter code joined to the number.
const CODE_PREFIX = /[a-zA-ZæøåÆØÅ][-_#/]$/;
// "t=1705241234", "?id=0102031234": a tag or query value (DKIM and ARC signatures in returned
// headers carry Unix times that read as valid dates; URLs carry record ids).
const KEY_VALUE_BEFORE = /[a-zA-Z_]=\s?$/;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** The whitespace-delimited token around the candidate (capped: a token is never a whole file). */
function tokenAround(text: string, offset: number, end: number): string {
  let start = offset;
  while (start > 0 && offset - start < 200 && !isSpace(text.charCodeAt(start - 1))) start--;
  let stop = end;
  while (stop < text.length && stop - end < 200 && !isSpace(text.charCodeAt(stop))) stop++;
  return text.slice(start, stop);
}

function twoDigits(digits: string, at: number): number {
  return (digits.charCodeAt(at) - 48) * 10 + (digits.charCodeAt(at + 1) - 48);
}

/**
 * How far back a date-and-time stamp is taken to reach. Not to 2000: the textbook example numbers
 * `0102031234` and `010203 1234` (1903, serial 1234) would read as stamps of 1 February 2003 12:34.
 */
const STAMP_YEARS = 20;

/** A two-digit year that, read as 20YY, lies within STAMP_YEARS before this year, or is next year. */
function isStampYear(yy: number, thisYear: number): boolean {
  return yy >= thisYear - STAMP_YEARS && yy <= thisYear + 1;
}

/**
 * A date followed by a time (`240524 1030`, a scanner, meeting or log stamp) reads as a valid CPR
 * number whose serial is an HHMM clock time: a serial starting 0-2, which the CPR table puts in the
 * 1900s. The readings differ in the year: a stamp in this mailbox is recent, while the CPR reading
 * of the same digits is a birth a century earlier, a person about a hundred years old. So: HHMM
 * serial and a DDMMYY (or YYMMDD) date within the last twenty years. The canonical hyphen
 * form is exempt (stamps are written with a space or no separator; `010203-1234` is the textbook
 * CPR number and must stay one).
 */
export function looksLikeDateAndTime(digits: string, form: CprForm, now: Date): boolean {
  if (form === "hyphen") return false;
  if (twoDigits(digits, 6) > 23 || twoDigits(digits, 8) > 59) return false;
  const thisYear = now.getFullYear() % 100;
  // DDMMYY reads the year from digits 5-6; YYMMDD (ISO order) from digits 1-2.
  const yearOrDay = twoDigits(digits, 4);
  return (
    isStampYear(yearOrDay, thisYear) ||
    (isStampYear(twoDigits(digits, 0), thisYear) && yearOrDay >= 1 && yearOrDay <= 31)
  );
}

/** `labelledCpr`: a CPR keyword labels the number, so "CPR0102031234" or "cpr=..." is not glued to a stranger. */
export function shapeClues(text: string, candidate: Candidate, labelledCpr: boolean, now: Date): ShapeClue[] {
  const { offset, length, digits } = candidate;
  const end = offset + length;
  const before = text.slice(Math.max(0, offset - 16), offset);
  const after = text.slice(end, end + 6);
  const clues: ShapeClue[] = [];

  if (PHONE_PREFIX.test(before)) clues.push(strong("context:phone-prefix"));

  // Only one "part of a longer number" clue counts: they describe the same fact. Each alone keeps
  // a number from being reported but not from being masked; with a label it is neither.
  if (GROUP_BEFORE.test(before) || GROUP_AFTER.test(after)) clues.push(weak("shape:longer-number"));
  else if (candidate.form === "compact" && REG_NR_BEFORE.test(before)) clues.push(weak("shape:reg-nr-and-account"));
  else if (GROUP_OF_FOUR_AFTER.test(after)) clues.push(weak("shape:grouped-number"));

  const gluedBefore = before.length > 0 && (LETTER.test(before[before.length - 1]!) || CODE_PREFIX.test(before));
  const glued = (gluedBefore && !labelledCpr) || (after.length > 0 && LETTER.test(after[0]!));
  if (glued) clues.push(weak("shape:glued-to-word"));
  else if (!labelledCpr && KEY_VALUE_BEFORE.test(before)) clues.push(weak("shape:key-value"));

  const token = tokenAround(text, offset, end);
  if (token.includes("@")) clues.push(strong("shape:message-id-or-address"));
  else if (token.includes("://") || token.toLowerCase().startsWith("www.")) clues.push(weak("shape:url"));

  if (looksLikeDateAndTime(digits, candidate.form, now)) clues.push(weak("shape:date-and-time"));
  return clues;
}
