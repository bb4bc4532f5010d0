// Date and century rules of a CPR number: the birth date it encodes, or null when it encodes none.
// The century table is the CPR office's ("Personnummeret i CPR-systemet"): the 7th digit and the
// two-digit year decide the century. birth-date.test.ts checks it against that table written out
// and, on random numbers, against python-stdnum's port (the npm package stdnum, a test-only
// dependency: its public entry point loads every country's validators, ~250 ms of start-up).

/** The century of a birth year from the CPR number's 7th digit and two-digit year. */
function centuryOf(seventh: number, year: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return year <= 36 ? 2000 : 1900;
  return year <= 57 ? 2000 : 1800; // 5-8
}

/**
 * The birth date encoded by ten CPR digits (local midnight), or null when the digits are no real
 * calendar date (31 April, 29 February in a non-leap year) or the date lies after `now`.
 * Modulus 11 is deliberately not applied: numbers without it are issued since 2007.
 */
export function birthDateOf(digits: string, now: Date): Date | null {
  const digit = (at: number) => digits.charCodeAt(at) - 48;
  const day = digit(0) * 10 + digit(1);
  const month = digit(2) * 10 + digit(3);
  // Cheap range checks first: most ten-digit runs in ordinary text fail here (100 MB scans).
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const twoDigitYear = digit(4) * 10 + digit(5);
  const date = new Date(centuryOf(digit(6), twoDigitYear) + twoDigitYear, month - 1, day);
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  // Born today is valid; born tomorrow is not (CPR office: numbers are issued at birth or later).
  return date.getTime() <= now.getTime() ? date : null;
}
