// Generated positive set: valid CPR numbers in every form and century, with and without a CPR
// keyword, inside realistic Danish mail subjects and diagnostic lines. Used by tests and the bench.
import { looksLikeDateAndTime } from "../context-shape.js";
import type { CprForm } from "../types.js";
import { CENTURY_TABLE, type Century, randomCprDigits } from "./cpr-digits.js";
import { createRandom, type Random } from "./random.js";

export interface PositiveSample {
  text: string;
  /** Where the number starts in `text`, and how long it is written. */
  offset: number;
  length: number;
  digits: string;
  form: CprForm;
  century: Century;
  keyword: boolean;
  modulus11: boolean;
  /**
   * No keyword and the digits also read as a recent date followed by an HHMM time (`240524 1030`)
   * with a 1900s birth: indistinguishable from a timestamp, so find() leaves it below the default
   * threshold and only mask() (the guard) hides it. Tested separately, see README.md.
   */
  ambiguousDateTime: boolean;
}

// Subjects seen in municipal secure mail (Nova, Nexus, DUBU, Outlook "Send Sikkert").
export const PLAIN_TEMPLATES = [
  "Sag {n} vedr. ansøgning om boligstøtte",
  "Vedr. {n}",
  "({n})",
  "{n}",
  "SV: Underretning om barn {n}",
  "VS: Journalnotat - {n} - handleplan",
  "Anmodning om aktindsigt, {n}",
  "Re: {n} Hansen, Jens",
  "Indberetning {n} til Udbetaling Danmark",
  "Borger: {n}, opfølgning på samtale",
  "Politianmeldelse vedr. {n}",
  "Sag {n} vedr. magtanvendelse på bosted",
  "Statusattest for {n} (Nexus)",
  "Bevilling af hjælpemidler til {n}",
  "Mødeindkaldelse - {n} - Jobcenter Vest",
  "Afgørelse {n} - klagevejledning vedlagt",
  "Sikker mail: {n} Jensen, Mette",
  "Lægeerklæring på {n}, 2. del",
  "Børnefaglig undersøgelse {n}/DUBU",
  "Udskrivningsbrev {n} fra Regionshospitalet",
  "Anbringelse af {n} - haster",
  "Henvendelse fra borger {n} om hjemmepleje",
] as const;

export const KEYWORD_TEMPLATES = [
  "Sag vedr. CPR {n}",
  "CPR:{n}",
  "CPR-nr. {n} - ansøgning om førtidspension",
  "cprnr {n}",
  "cpr.nr.: {n}",
  "Personnummer {n} skal rettes",
  "pers.nr. {n}",
  "Fødselsnummer: {n}",
  "Sygesikring {n} mistet",
  "Borger {n} (CPR)",
  "CPR-nummer på barnet: {n}",
  "Underretning, cpr-nr {n}, haster",
  "Pers. nr. {n} - bevilling",
  "Sygesikringsbevis {n} bestilt",
  "VS: Ny adresse, CPR {n}",
  "Barnets CPR: {n}. Mor: ukendt",
] as const;

const FORMS: readonly CprForm[] = ["hyphen", "compact", "space"];

function writeNumber(random: Random, digits: string, form: CprForm): string {
  if (form === "compact") return digits;
  const separator =
    form === "space" ? random.pick([" ", " ", "\u00a0"]) : random.pick(["-", "-", "-", "\u2013", "\u2011"]);
  return digits.slice(0, 6) + separator + digits.slice(6);
}

/** Every form x century x 7th digit x keyword x modulus 11, `perCombination` samples each. */
export function generatePositives(options: { seed: number; now: Date; perCombination: number }): PositiveSample[] {
  const random = createRandom(options.seed);
  const samples: PositiveSample[] = [];
  for (const form of FORMS) {
    for (const century of [1800, 1900, 2000] as Century[]) {
      for (const { seventh } of CENTURY_TABLE[century]) {
        for (const keyword of [false, true]) {
          for (const modulus11 of [false, true]) {
            for (let i = 0; i < options.perCombination; i++) {
              const digits = randomCprDigits(random, { century, seventh, modulus11, now: options.now });
              if (digits === null) continue;
              const template = keyword ? random.pick(KEYWORD_TEMPLATES) : random.pick(PLAIN_TEMPLATES);
              const written = writeNumber(random, digits, form);
              const offset = template.indexOf("{n}");
              const text = template.replace("{n}", written);
              const ambiguousDateTime = !keyword && looksLikeDateAndTime(digits, form, options.now);
              samples.push({
                text,
                offset,
                length: written.length,
                digits,
                form,
                century,
                keyword,
                modulus11,
                ambiguousDateTime,
              });
            }
          }
        }
      }
    }
  }
  return samples;
}
