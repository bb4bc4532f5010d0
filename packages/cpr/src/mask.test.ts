// mask(): in-place replacement, the lower guard threshold, purity, and property tests that no
// generated CPR number survives ordinary surrounding text.
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLD, find, MASK_THRESHOLD, mask } from "./index.js";

const now = new Date("2026-11-28T12:00:00Z");

describe("mask", () => {
  it("replaces each number in place with DDMMXX-XXXX and keeps the rest of the text", () => {
    expect(mask("Sag 010203-1234 vedr. ansøgning", { now })).toBe("Sag 0102XX-XXXX vedr. ansøgning");
    expect(mask("CPR:0102031234.", { now })).toBe("CPR:0102XX-XXXX.");
    expect(mask("(010203 1234) og (311299-4321)", { now })).toBe("(0102XX-XXXX) og (3112XX-XXXX)");
  });

  it("returns the text unchanged when there is nothing to mask", () => {
    const text = "Faktura 0102031234, tlf. +45 12345678, sag 27.12.04-P20-1-24";
    expect(mask(text, { now })).toBe(text);
  });

  it("guards with a lower threshold than find: it also hides plausible look-alikes", () => {
    expect(MASK_THRESHOLD).toBeLessThan(DEFAULT_THRESHOLD);
    const stamp = "Møde 240524 1030";
    expect(find(stamp, { now })).toEqual([]);
    expect(mask(stamp, { now })).toBe("Møde 2405XX-XXXX");
    expect(mask(stamp, { now, threshold: DEFAULT_THRESHOLD })).toBe(stamp);
  });

  it("is pure: the same input gives the same output and the input is untouched", () => {
    const text = "CPR 010203-1234";
    expect(mask(text, { now })).toBe(mask(text, { now }));
    expect(text).toBe("CPR 010203-1234");
  });
});

describe("mask as a leak guard (property)", async () => {
  const fc = await import("fast-check");
  const { generatePositives } = await import("./corpus/generate-positives.js");
  const numbers = generatePositives({ seed: 7, now, perCombination: 2 }).map((s) =>
    s.text.slice(s.offset, s.offset + s.length),
  );
  // Surroundings that say nothing about the number: ordinary words, punctuation, other numbers.
  const word = fc.constantFrom(
    "vedr.",
    "Sag",
    "borger",
    "og",
    "til",
    "SV:",
    "VS:",
    "(",
    ")",
    ",",
    "-",
    ":",
    "2. del",
    "haster",
    "Hansen",
    "13.05.2024",
    "kl. 10.30",
    "\n",
    "ansøgning",
    "2024",
  );
  const words = fc.array(word, { maxLength: 6 }).map((list) => list.join(" "));

  it("never lets a generated CPR number through in ordinary text", () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: numbers.length - 1 }), words, (before, index, after) => {
        const written = numbers[index]!;
        const out = mask(`${before} ${written} ${after}`, { now });
        expect(out).not.toContain(written);
        expect(out).not.toContain(written.replace(/\D/g, ""));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });

  it("masks a hyphenated number even where a label calls it something else", () => {
    for (const label of ["Faktura", "Ordre nr.", "#", "Sagsnr.", "Konto"]) {
      expect(mask(`${label} 010203-1234`, { now })).toBe(`${label} 0102XX-XXXX`);
    }
  });

  it("shows every match masked, whatever the text around it", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.integer({ min: 0, max: numbers.length - 1 }),
        fc.string({ maxLength: 30 }),
        (before, index, after) => {
          for (const match of find(`${before} ${numbers[index]!} ${after}`, { now, threshold: 0 })) {
            expect(match.masked).toMatch(/^\d{4}XX-XXXX$/);
          }
        },
      ),
      { numRuns: 2000, seed: 20261128 },
    );
  });
});
