// Deterministic mixed Danish mail text for the CPR benchmark: prose, subjects with and without CPR
// numbers, NDR diagnostic lines and the negative set's look-alike numbers, from one seed.
import { generateNegatives } from "../../packages/cpr/src/corpus/generate-negatives.js";
import { generatePositives } from "../../packages/cpr/src/corpus/generate-positives.js";
import { createRandom } from "../../packages/cpr/src/corpus/random.js";

const PROSE = [
  "Kære borger, vi har modtaget din henvendelse og vender tilbage hurtigst muligt.",
  "Mødet er flyttet til tirsdag den 14. maj kl. 10.30 i mødelokale 2 på rådhuset.",
  "Vedlagt finder du afgørelsen samt klagevejledning; klagefristen er fire uger.",
  "Med venlig hilsen Jobcenter Vest, Borgerservice, Rådhuspladsen 1, 8000 Aarhus C.",
  "Denne e-mail kan indeholde fortrolige oplysninger og er kun beregnet for modtageren.",
  "Din besked kunne ikke leveres til en eller flere modtagere; kontakt din administrator.",
  "Remote Server returned '550 5.7.1 Message rejected due to content restrictions'.",
  "Reporting-MTA: dns; sikkermail.example; Arrival-Date: Fri, 24 May 2024 10:30:12 +0200",
  "Final-Recipient: rfc822; sagsbehandler@kommune.example; Action: failed; Status: 5.7.1",
  "Hjemmeplejen kommer mandag og torsdag mellem kl. 8 og 9; ring ved ændringer.",
  "Beløbet på 12.345,00 kr. udbetales til din NemKonto den 1. i næste måned.",
  "Sagen er oprettet under KLE 27.12.04-P20-1-24 og behandles af team Børn og Unge.",
];

/** About `bytes` UTF-8 bytes of text, one line per sentence; ~1 line in 12 holds a CPR number. */
export function buildMixedText(options: { seed: number; bytes: number; now: Date }): string {
  const random = createRandom(options.seed);
  const positives = generatePositives({ seed: options.seed, now: options.now, perCombination: 4 }).map((s) => s.text);
  const negatives = generateNegatives({ seed: options.seed, now: options.now, count: 20_000 }).map((s) => s.text);
  // Build a ~1 MB pool of distinct lines, then draw lines from it: generation stays fast and the
  // scanner still sees varied text (V8 cannot shortcut repeated identical input).
  const pool: string[] = [];
  for (let size = 0; size < 1_000_000; ) {
    const roll = random.int(12);
    const line = roll === 0 ? random.pick(positives) : roll < 4 ? random.pick(negatives) : random.pick(PROSE);
    pool.push(line);
    size += line.length + 1;
  }
  const parts: string[] = [];
  let total = 0;
  while (total < options.bytes) {
    const line = pool[random.int(pool.length)]!;
    parts.push(line);
    total += Buffer.byteLength(line, "utf8") + 1;
  }
  return parts.join("\n");
}
