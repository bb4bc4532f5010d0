// find(): the written forms, validity, keywords and tiers, and every false-positive class the
// issue names (P-numbers, phones, invoices, orders, accounts, date-and-time, case numbers, Message-IDs).
import { describe, expect, it } from "vitest";
import { containsCpr, DEFAULT_THRESHOLD, find } from "./index.js";

const now = new Date("2026-11-28T12:00:00Z");
const one = (text: string) => {
  const matches = find(text, { now });
  expect(matches, text).toHaveLength(1);
  return matches[0]!;
};

describe("forms", () => {
  it.each([
    ["010203-1234", 0, 11],
    ["0102031234", 0, 10],
    ["010203 1234", 0, 11],
    ["Sag 010203-1234 vedr. ansøgning om hjælp", 4, 11],
    ["CPR:0102031234", 4, 10],
    ["(010203-1234)", 1, 11],
    ["Vedr. 010203\u20131234 (en dash from autocorrect)", 6, 11],
    ["Borger 010203\u00a01234, opfølgning", 7, 11],
  ])("finds %j at %i, length %i", (text, offset, length) => {
    const match = one(text);
    expect(match).toMatchObject({ offset, length, masked: "0102XX-XXXX" });
  });

  it("never matches inside a longer digit run", () => {
    for (const text of [
      "00102031234",
      "01020312345",
      "9010203-1234",
      "010203-12345",
      "12345678901234",
      "010203 12345",
    ]) {
      expect(find(text, { now, threshold: 0 }), text).toEqual([]);
    }
  });

  it("finds several numbers and reports offsets into the original text", () => {
    const text = "CPR 010203-1234 og 311299-4321 samt 0101804001";
    expect(find(text, { now }).map((m) => [m.offset, m.masked])).toEqual([
      [4, "0102XX-XXXX"],
      [19, "3112XX-XXXX"],
      [36, "0101XX-XXXX"],
    ]);
  });
});

describe("validity", () => {
  it("rejects numbers that are no real date or lie in the future", () => {
    for (const text of ["320103-1234", "011303-1234", "300203-1234", "Sag 290201-1234", "010130-4123"]) {
      expect(find(text, { now, threshold: 0 }), text).toEqual([]);
    }
  });

  it("accepts post-2007 numbers that fail modulus 11, in every form", () => {
    // Born 2010 (7th digit 4, year 10); 0101104000 fails modulus 11.
    for (const text of ["0101104000", "010110-4000", "010110 4000", "CPR 010110-4002"]) {
      const match = one(text);
      expect(match.reasons).not.toContain("modulus-11");
    }
  });

  it("uses modulus 11 only to raise confidence", () => {
    const passing = one("Sag 010203-1237");
    const failing = one("Sag 010203-1234");
    expect(passing.reasons).toContain("modulus-11");
    expect(passing.confidence).toBeGreaterThan(failing.confidence);
    expect(failing.confidence).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});

describe("keywords raise confidence to the high tier", () => {
  it.each([
    "cpr",
    "CPR-nr.",
    "cprnr",
    "cpr.nr.",
    "CPR-nummer",
    "Personnummer",
    "pers.nr.",
    "Pers. nr.",
    "fødselsnummer",
    "Sygesikring",
    "sygesikringsbevis",
    "Borger nr.",
    "personnr.",
  ])("%s 0102031234", (keyword) => {
    const match = one(`${keyword} 0102031234`);
    expect(match.tier).toBe("high");
    expect(match.reasons).toContainEqual(expect.stringMatching(/^keyword:/));
  });

  it("reads a keyword a few words back and right after the number", () => {
    expect(one("CPR-nummer på barnet: 0102031234").tier).toBe("high");
    expect(one("Borger 0102031234 (CPR)").tier).toBe("high");
  });

  it("keeps a bare number in a CPR form at medium, a reported match", () => {
    const match = one("Underretning vedr. 0102031234");
    expect(match.tier).toBe("medium");
    expect(match.confidence).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});

describe("false positive classes are not reported", () => {
  it.each([
    // P-nummer (production unit numbers are ten digits)
    "P-nummer 1012875432",
    "P-nr. 0102031234",
    "Produktionsenhed p-nr 2805881234",
    // phone numbers
    "Tlf. 0102031234",
    "Telefon: 0102031234",
    "Ring +45 0102031234",
    "Kontakt os på +49 3012871234",
    "0045 0102031234",
    "Mobil 2805881234",
    // invoices, orders, accounts
    "Faktura 0102031234",
    "Fakturanr. 010203-1234",
    "Ordre nr. 0102031234",
    "Din ordre #0102031234 er afsendt",
    "Ordre ORD-0102031234 afsendt",
    "Kvitteringsnr. 0102031234",
    "F-nr. 0102031234",
    "Vedr. INV_0102031234",
    "Konto 0102031234",
    "Reg.nr. 1234 kontonr. 0102031234",
    "Overført til 1551 0102031234",
    "Kto. 1551-0102031234",
    // a date followed by a time
    "Møde 240524 1030 i rådhuset",
    "Scannet 2405241030",
    "Modtaget 150325 0815",
    "Møde 150308 1030 (2008)",
    "Rapport 241105 0930",
    // KLE case numbers and other case numbers
    "Sag 27.12.04-P20-1-24",
    "27.12.04-P20-0102031234",
    "Sagsnr. 0102031234",
    "J.nr. 2024/0102031234",
    // Message-IDs and tracking numbers
    "Message-ID: <0102031234.5678@mail.kommune.example>",
    "<CAF0102031234xyz@mail.gmail.com>",
    "<20240524.0102031234@mx.example>",
    "Sporingsnummer 0102031234",
    "Pakke 0102031234DK er leveret",
    "Track & trace: 0102031234",
  ])("%s", (text) => {
    expect(find(text, { now })).toEqual([]);
    expect(containsCpr(text, { now })).toBe(false);
  });

  it("says why a look-alike was marked down", () => {
    const [match] = find("Faktura 0102031234", { now, threshold: 0 });
    expect(match!.reasons).toContain("context:faktura");
    const [stamp] = find("Møde 240524 1030", { now, threshold: 0 });
    expect(stamp!.reasons).toContain("shape:date-and-time");
  });

  it("does not let a label for another number reach across a sentence", () => {
    expect(one("Opfølgning på telefonsamtale med 010203-1234").tier).toBe("medium");
    expect(one("Tlf. 12345678, borger 0102031234").tier).toBe("medium");
  });
});

describe("output never carries a full number", () => {
  it("returns masked values, offsets and reasons only", () => {
    const text = "CPR 010203-1234, Sag 0101804001, 010110 4000";
    const serialised = JSON.stringify(find(text, { now, threshold: 0 }));
    for (const full of ["0102031234", "010203-1234", "0101804001", "0101104000", "010110 4000", "1234", "4001"]) {
      expect(serialised).not.toContain(full);
    }
  });
});

describe("returned headers in diagnostic texts", () => {
  it.each([
    "DKIM-Signature: v=1; a=rsa-sha256; d=kommune.example; t=1705241234; bh=abc",
    "https://sag.example/vis?id=0102031234",
    "------=_Part_1234_0102031234.1716543210123",
    "Content-ID: <image001.png@01DAAD12.0102031234>",
  ])("%s", (text) => {
    expect(find(text, { now })).toEqual([]);
  });

  it("still reads a CPR keyword written as a key", () => {
    expect(one("cpr=0102031234").tier).toBe("high");
  });
});
