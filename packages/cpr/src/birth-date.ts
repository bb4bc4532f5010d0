// Date and century rules of a CPR number: the birth date it encodes, or null when it encodes none.
// The calendar and century table come from stdnum's dk.cpr (maintained); only "now" is ours.
import { getBirthDate } from "stdnum/lib/cjs/dk/cpr.js";

/**
 * The birth date encoded by ten CPR digits, or null when the digits are no real calendar date
 * (31 April, 29 February in a non-leap year) or the date lies after `now`.
 *
 * Why not stdnum's `validate`: it reads the clock itself (`new Date()`), so "not in the future"
 * cannot be tested or pinned to a message's date; it also re-cleans the input on every call. Its
 * `getBirthDate` applies the CPR office's century table (7th digit and year) and the calendar
 * check, and it does NOT apply modulus 11 (correct since 2007), so we use exactly that part.
 */
export function birthDateOf(digits: string, now: Date): Date | null {
  // Cheap range checks first: most ten-digit runs in ordinary text fail here, and stdnum reports
  // an invalid date by throwing, which is slow on a hot path (100 MB scans).
  const day = (digits.charCodeAt(0) - 48) * 10 + (digits.charCodeAt(1) - 48);
  const month = (digits.charCodeAt(2) - 48) * 10 + (digits.charCodeAt(3) - 48);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  let date: Date;
  try {
    date = getBirthDate(digits);
  } catch {
    return null;
  }
  // Born today is valid; born tomorrow is not (CPR office: numbers are issued at birth or later).
  return date.getTime() <= now.getTime() ? date : null;
}
