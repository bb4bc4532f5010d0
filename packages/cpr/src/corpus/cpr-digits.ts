// Generates valid CPR digits for a chosen century and 7th digit, with or without modulus 11,
// straight from the CPR office's table (independent of the package's own code, so tests check it).
import type { Random } from "./random.js";

export type Century = 1800 | 1900 | 2000;

/** The 7th digits and two-digit years the CPR office assigns to each century. */
export const CENTURY_TABLE: Record<Century, { seventh: number; years: [number, number] }[]> = {
  1800: [5, 6, 7, 8].map((seventh) => ({ seventh, years: [58, 99] as [number, number] })),
  1900: [
    ...[0, 1, 2, 3].map((seventh) => ({ seventh, years: [0, 99] as [number, number] })),
    ...[4, 9].map((seventh) => ({ seventh, years: [37, 99] as [number, number] })),
  ],
  2000: [
    ...[4, 9].map((seventh) => ({ seventh, years: [0, 36] as [number, number] })),
    ...[5, 6, 7, 8].map((seventh) => ({ seventh, years: [0, 57] as [number, number] })),
  ],
};

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const pad = (n: number): string => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function mod11Sum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return sum;
}

export interface CprSpec {
  century: Century;
  seventh: number;
  modulus11: boolean;
  now: Date;
}

/** Ten digits DDMMYYSSSS that are a valid CPR number for the spec, or null if none fits (e.g. a future-only year). */
export function randomCprDigits(random: Random, spec: CprSpec): string | null {
  const row = CENTURY_TABLE[spec.century].find((r) => r.seventh === spec.seventh);
  if (!row) return null;
  for (let attempt = 0; attempt < 200; attempt++) {
    const yy = random.between(row.years[0], row.years[1]);
    const year = spec.century + yy;
    const month = random.between(1, 12);
    const day = random.between(1, daysIn(year, month));
    if (Date.UTC(year, month - 1, day) > spec.now.getTime()) continue;
    const head = `${pad(day)}${pad(month)}${pad(yy)}${spec.seventh}${random.digits(2)}`;
    // Choose the last digit to pass or to fail modulus 11 as asked.
    const options = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter(
      (last) => (mod11Sum(head + last) % 11 === 0) === spec.modulus11,
    );
    if (options.length === 0) continue;
    return head + random.pick(options);
  }
  return null;
}
