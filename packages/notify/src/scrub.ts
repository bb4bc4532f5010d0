// Last line of defence before anything reaches a notice: the cpr package's mask, then every
// remaining ten-digit run (DDMMYY-SSSS shapes the scorer rated too unlikely) blanked as well.
import { mask } from "@safetynet/cpr";

// Ten digits, optionally split after the sixth by a hyphen, space or dot, not inside a longer run.
const TEN_DIGITS = /(?<!\d)(\d{4})(\d{2})[-\s.]?(\d{4})(?!\d)/g;

export function scrub(text: string): string {
  return mask(text).replace(TEN_DIGITS, (_match, dayMonth: string) => `${dayMonth}XX-XXXX`);
}

export function scrubOrNull(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : scrub(text);
}
