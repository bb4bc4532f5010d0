// The century table exhaustively (all 1,000 digit-7/year pairs), the calendar and the
// not-in-the-future rule, against the CPR office's table written out independently of the code.
import fc from "fast-check";
import { stdnum } from "stdnum";
import { describe, expect, it } from "vitest";
import { birthDateOf } from "./birth-date.js";

const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");
const pad = (n: number): string => String(n).padStart(2, "0");

// The CPR office's table ("Personnummeret i CPR-systemet"), written out independently of stdnum.
function expectedYear(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

describe("century table", () => {
  it("gives the table's year for every 7th digit (0-9) and every two-digit year (00-99)", () => {
    let checked = 0;
    for (let seventh = 0; seventh <= 9; seventh++) {
      for (let yy = 0; yy <= 99; yy++) {
        const digits = `0107${pad(yy)}${seventh}123`;
        const date = birthDateOf(digits, FAR_FUTURE);
        expect(date, digits).not.toBeNull();
        expect(date!.getFullYear(), `7th digit ${seventh}, year ${pad(yy)}`).toBe(expectedYear(seventh, yy));
        checked++;
      }
    }
    expect(checked).toBe(1000);
  });
});

describe("calendar", () => {
  it("rejects days and months that do not exist", () => {
    for (const digits of [
      "0001801234",
      "3201801234",
      "0100801234",
      "0113801234",
      "3104801234",
      "3106801234",
      "3109801234",
      "3111801234",
    ]) {
      expect(birthDateOf(digits, FAR_FUTURE), digits).toBeNull();
    }
  });

  it("knows leap years per century: 29 Feb 2000 and 1904 exist, 29 Feb 1900 and 1903 do not", () => {
    expect(birthDateOf("2902004123", FAR_FUTURE)).not.toBeNull(); // 2000 (7th digit 4, year 00)
    expect(birthDateOf("2902001123", FAR_FUTURE)).toBeNull(); // 1900 is no leap year
    expect(birthDateOf("2902041123", FAR_FUTURE)).not.toBeNull(); // 1904
    expect(birthDateOf("2902031123", FAR_FUTURE)).toBeNull(); // 1903
    expect(birthDateOf("2902605123", FAR_FUTURE)).not.toBeNull(); // 1860 (7th digit 5, year 60)
  });
});

describe("not in the future", () => {
  const now = new Date(2026, 10, 28, 12, 0, 0);
  it("accepts a person born today", () => {
    expect(birthDateOf("2811264123", now)).not.toBeNull();
  });
  it("rejects a birth date after now", () => {
    expect(birthDateOf("2911264123", now)).toBeNull();
    expect(birthDateOf("0101304123", now)).toBeNull(); // 2030
  });
  it("decides by the `now` it is given, not the clock", () => {
    expect(birthDateOf("0101304123", new Date(2031, 0, 1))).not.toBeNull();
  });
});

describe("agreement with stdnum (python-stdnum's dk.cpr, through its public API)", () => {
  it("accepts and rejects the same ten digits, for random numbers and every century rule", () => {
    const now = new Date();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 39 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
        (day, month, year, serial) => {
          const digits = `${pad(day)}${pad(month)}${pad(year)}${String(serial).padStart(4, "0")}`;
          const ours = birthDateOf(digits, now) !== null;
          expect(ours, digits).toBe(stdnum.DK!.cpr!.validate(digits).isValid);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
