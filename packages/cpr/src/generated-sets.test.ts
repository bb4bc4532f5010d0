// Recall on the generated positive set and the false-positive rate on the generated negative set;
// prints the figures quoted in README.md.
import { describe, expect, it } from "vitest";
import { generateNegatives } from "./corpus/generate-negatives.js";
import { generatePositives } from "./corpus/generate-positives.js";
import { DEFAULT_THRESHOLD, find, MASK_THRESHOLD, mask } from "./index.js";

const now = new Date("2026-11-28T12:00:00Z");
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(3)}%`;

describe("generated positive set", () => {
  const samples = [1, 2].flatMap((seed) => generatePositives({ seed, now, perCombination: 20 }));
  const clear = samples.filter((s) => !s.ambiguousDateTime);
  const ambiguous = samples.filter((s) => s.ambiguousDateTime);

  it("covers every form, every century, keywords and modulus 11 both ways", () => {
    expect(new Set(samples.map((s) => s.form))).toEqual(new Set(["hyphen", "compact", "space"]));
    expect(new Set(samples.map((s) => s.century))).toEqual(new Set([1800, 1900, 2000]));
    expect(new Set(samples.map((s) => s.keyword))).toEqual(new Set([true, false]));
    expect(new Set(samples.map((s) => s.modulus11))).toEqual(new Set([true, false]));
    expect(new Set(samples.map((s) => s.digits[6]))).toEqual(new Set("0123456789"));
  });

  it("finds every number at the default threshold (100% recall), at the right offset", () => {
    const missed = clear.filter(
      (s) => !find(s.text, { now }).some((m) => m.offset === s.offset && m.length === s.length),
    );
    console.log(
      `positives: ${samples.length} samples; find() recall at ${DEFAULT_THRESHOLD}: ${percent(clear.length - missed.length, clear.length)} of ${clear.length} ` +
        `(${percent(samples.length - ambiguous.length - missed.length, samples.length)} of all, ${ambiguous.length} are date-and-time look-alikes without a keyword)`,
    );
    expect(missed.map((s) => mask(s.text, { now, threshold: 0 }))).toEqual([]);
  });

  it("masks every number, the date-and-time look-alikes included (guard recall 100%)", () => {
    const leaked = samples.filter((s) => mask(s.text, { now }).includes(s.text.slice(s.offset, s.offset + s.length)));
    console.log(
      `positives: mask() recall at ${MASK_THRESHOLD}: ${percent(samples.length - leaked.length, samples.length)} of ${samples.length}`,
    );
    expect(leaked.length).toBe(0);
  });
});

describe("generated negative set", () => {
  const samples = generateNegatives({ seed: 20261128, now, count: 12_600 });

  it("has at least 10,000 realistic non-CPR strings of every kind", () => {
    expect(samples.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(samples.map((s) => s.kind)).size).toBe(9);
  });

  it("reports fewer than 0.5% of them at the default threshold", () => {
    const flagged = samples.filter((s) => find(s.text, { now }).length > 0);
    const guarded = samples.filter((s) => find(s.text, { now, threshold: MASK_THRESHOLD }).length > 0);
    const hard = samples.filter((s) => s.hard);
    const flaggedHard = flagged.filter((s) => s.hard);
    const byKind = new Map<string, number>();
    for (const s of flagged) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    console.log(
      `negatives: ${samples.length} samples; false positives at ${DEFAULT_THRESHOLD}: ${flagged.length} (${percent(flagged.length, samples.length)}); ` +
        `among the ${hard.length} whose number is a valid CPR number: ${flaggedHard.length} (${percent(flaggedHard.length, hard.length)}); ` +
        `masked by the guard at ${MASK_THRESHOLD}: ${guarded.length} (${percent(guarded.length, samples.length)}); by kind: ${JSON.stringify(Object.fromEntries(byKind))}`,
    );
    expect(flagged.length / samples.length).toBeLessThan(0.005);
  });
});
