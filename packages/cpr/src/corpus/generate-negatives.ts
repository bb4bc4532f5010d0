// Generated negative set: realistic Danish mail text with numbers that are NOT CPR numbers
// (phones, date-and-time stamps, invoices, orders, accounts, case numbers, Message-IDs, tracking).
import { type Century, randomCprDigits } from "./cpr-digits.js";
import { createRandom, type Random } from "./random.js";

export type NegativeKind =
  | "phone"
  | "date-time"
  | "invoice"
  | "order"
  | "account"
  | "case-number"
  | "message-id"
  | "tracking"
  | "p-number";

export interface NegativeSample {
  kind: NegativeKind;
  text: string;
  /** True when the ten-digit value in it was drawn as a valid CPR number (the hard half). */
  hard: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const NAMES = ["Jens", "Mette Hansen", "Lars", "Sofie Nielsen", "Peter", "Anne Larsen", "Ali", "Fatima"];
const HOSTS = ["mail.kommune.example", "mx.region.example", "prod.outlook.com", "mail.gmail.com", "sikkermail.example"];

/** Half the ten-digit values are uniform digits, half are valid CPR numbers: context must decide. */
function tenDigits(random: Random, now: Date): { value: string; hard: boolean } {
  if (random.chance(0.5)) return { value: random.digits(10), hard: false };
  const century = random.pick([1900, 1900, 2000] as Century[]);
  const seventh = century === 1900 ? random.pick([0, 1, 2, 3, 4, 9]) : random.pick([4, 5, 6, 9]);
  const value = randomCprDigits(random, { century, seventh, modulus11: random.chance(0.5), now });
  return value === null ? { value: random.digits(10), hard: false } : { value, hard: true };
}

function phone(random: Random): string {
  const dk = random.pick(["2", "3", "4", "5", "6", "7", "8", "9"]) + random.digits(7);
  const grouped = `${dk.slice(0, 2)} ${dk.slice(2, 4)} ${dk.slice(4, 6)} ${dk.slice(6)}`;
  const foreignNational =
    random.pick(["30", "40", "69", "89", "20", "21", "11", "12", "15", "17"]) + random.digits(random.pick([8, 8, 9]));
  return random.pick([
    dk,
    grouped,
    `${dk.slice(0, 4)} ${dk.slice(4)}`,
    `+45 ${dk}`,
    `+45 ${grouped}`,
    `+45${dk}`,
    `0045 ${dk}`,
    `(+45) ${dk}`,
    `+49 ${foreignNational}`,
    `0049 ${foreignNational}`,
    `+46 ${foreignNational}`,
    `+47 ${dk}`,
    `+44 ${foreignNational}`,
    `+1 ${random.pick(["212", "301", "415", "202"])}${random.between(200, 999)}${random.digits(4)}`,
    `+49-${foreignNational}`,
  ]);
}

/**
 * A date and a time as mail and file names write them. A bare `240524-1030` is left out on
 * purpose: that is the textbook CPR form and find() reports it (README, "Known limits"); the
 * hyphen stamp appears here glued into file names, where it is written that way.
 */
function stamp(random: Random, now: Date): { text: string } {
  const year = random.between(now.getFullYear() - 12, now.getFullYear());
  const month = random.between(1, 12);
  const day = random.between(1, 28);
  const hh = pad(random.between(6, 22));
  const mm = pad(random.pick([0, 0, 15, 30, 45, random.int(60)]));
  const yy = pad(year % 100);
  const d = `${pad(day)}${pad(month)}${yy}`;
  return {
    text: random.pick([
      `${d} ${hh}${mm}`,
      `${d} ${hh}${mm}`,
      `${d}${hh}${mm}`,
      `IMG_${d}-${hh}${mm}.jpg`,
      `${d}_${hh}${mm}`,
      `${pad(day)}-${pad(month)}-${year} ${hh}:${mm}`,
      `${pad(day)}.${pad(month)}.${yy} kl. ${hh}.${mm}`,
      `${year}-${pad(month)}-${pad(day)}T${hh}:${mm}:00`,
      `${year}${pad(month)}${pad(day)}${hh}${mm}`,
    ]),
  };
}

type Maker = (random: Random, now: Date) => { text: string; hard: boolean };

const MAKERS: Record<NegativeKind, Maker> = {
  phone: (random) => {
    const template = random.pick([
      "Kontakt {name} på {p}",
      "Ring venligst på tlf. {p}",
      "Mobil: {p}",
      "Sagsbehandler {name}, telefon {p}",
      "Fax {p}",
      "SMS til {p} kunne ikke leveres",
      "Tlf.: {p} (hverdage 9-15)",
      "Ring tilbage på {p} vedr. sagen",
      "Telefonnummer {p} er ikke i brug",
      "Opkald fra {p} kl. 10.15",
      "Henvendelse: {name} ({p})",
    ]);
    return { text: template.replace("{name}", random.pick(NAMES)).replace("{p}", phone(random)), hard: false };
  },
  "date-time": (random, now) => {
    const template = random.pick([
      "Møde {s} i Rådhuset",
      "Referat fra møde {s}",
      "Scannet dokument {s}",
      "Modtaget {s}",
      "Backup {s} fejlede",
      "Indkaldelse til samtale {s}",
      "Scan_{s}.pdf",
      "Vagtplan {s}",
      "Besøg hos borger {s}",
      "Rapport {s} fra Nexus",
      "Delivery delayed since {s}",
      "Fraværsregistrering {s}",
    ]);
    return { text: template.replace("{s}", stamp(random, now).text), hard: false };
  },
  invoice: (random, now) => {
    const n = tenDigits(random, now);
    const template = random.pick([
      "Faktura {n}",
      "Fakturanr. {n}",
      "Faktura nr. {n} er forfalden",
      "Invoice {n}",
      "Kreditnota {n}",
      "Rykker for faktura {n}",
      "Fakturanummer: {n}",
      "E-faktura {n} afvist",
      "Invoice #{n} from Leverandør A/S",
      "Betalingsid {n}",
      "Din regning {n}",
      "Opkrævning {n} - betal senest 1. juni",
    ]);
    return { text: template.replace("{n}", n.value), hard: n.hard };
  },
  order: (random, now) => {
    const n = tenDigits(random, now);
    const template = random.pick([
      "Ordre {n}",
      "Ordrenr.: {n}",
      "Din ordre #{n} er afsendt",
      "Order {n} confirmation",
      "Bestilling {n} modtaget",
      "Købsordre {n}",
      "Ordrebekræftelse {n}",
      "Bestillingsnummer {n}",
      "PO {n}",
      "Kundenr. {n}",
    ]);
    return { text: template.replace("{n}", n.value), hard: n.hard };
  },
  account: (random, now) => {
    const n = tenDigits(random, now);
    const reg = random.pick(["1551", "2100", "3001", "4180", "5301", "9570", "0400", "6019"]);
    const template = random.pick([
      "Reg.nr. {r} kontonr. {n}",
      "Konto {r} {n}",
      "{r}-{n}",
      "Bankkonto: {r} {n}",
      "Udbetaling til konto {r} {n}",
      "Kontonummer {n}",
      "Kto. {r}-{n}",
      "Overførsel fra {r} {n}",
      "NemKonto {r} {n} ændret",
    ]);
    return { text: template.replace("{r}", reg).replace("{n}", n.value), hard: n.hard };
  },
  "case-number": (random, now) => {
    const n = tenDigits(random, now);
    const kle = `${pad(random.between(0, 85))}.${pad(random.between(0, 40))}.${pad(random.between(0, 20))}-${random.pick(["P", "G", "A", "K"])}${random.between(10, 35)}-${random.between(1, 40)}-${pad(random.between(10, 26))}`;
    const template = random.pick([
      "Sag {k} vedr. underretning",
      "Sagsnr. {n}",
      "Sagsnummer: {n}",
      "J.nr. {y}/{s5}",
      "Journalnummer {n}",
      "Vedr. sag {k}",
      "Jeres sagsnr. {n}, vores j.nr. {k}",
      "Sag nr. {n}",
      "Løbenummer {n}",
      "Dokument {k}",
    ]);
    const text = template
      .replace("{k}", kle)
      .replace("{n}", n.value)
      .replace("{y}", pad(random.between(15, 26)))
      .replace("{s5}", random.digits(5));
    return { text, hard: n.hard };
  },
  "message-id": (random, now) => {
    const n = tenDigits(random, now);
    const host = random.pick(HOSTS);
    const template = random.pick([
      "Message-ID: <{n}.{k}@{h}>",
      "<{n}@{h}>",
      "In-Reply-To: <CA+{x}{n}@{h}>",
      "<{t}.{n}@{h}>",
      "References: <{n}-{k}@{h}>",
      "Original-Message-ID: <AM0PR06MB{n}{X}@{h}>",
      "<{x}.{n}.JavaMail.nova@{h}>",
      "X-Message-ID: {n}@{h}",
    ]);
    const text = template
      .replace("{n}", n.value)
      .replace("{k}", random.digits(random.between(3, 8)))
      .replace("{h}", host)
      .replace("{x}", random.pick(["abc", "Ghz7", "q1w2", "XyZ"]))
      .replace("{X}", random.pick(["ABCD", "EF01", "C3D4"]))
      .replace("{t}", String(1_700_000_000 + random.int(90_000_000)));
    return { text, hard: n.hard };
  },
  tracking: (random, now) => {
    const n = tenDigits(random, now);
    const template = random.pick([
      "Sporingsnummer {n}",
      "Pakke {n} er leveret",
      "Din forsendelse {n} er på vej",
      "Track & trace: {n}",
      "Track: 00370712{l}",
      "RR{s9}DK",
      "GLS {s11}",
      "DHL waybill {n}",
      "Kolli-id {n}",
      "Fragtbrev {n}",
      "PostNord {n}",
      "Følg din pakke: {n}",
      "Shipment {n} delivered",
      "{n}DK",
      "JJD{s18}",
    ]);
    const text = template
      .replace("{n}", n.value)
      .replace("{l}", random.digits(12))
      .replace("{s9}", random.digits(9))
      .replace("{s11}", random.digits(11))
      .replace("{s18}", random.digits(18));
    return { text, hard: n.hard };
  },
  "p-number": (random, now) => {
    const n = random.chance(0.5) ? { value: `10${random.digits(8)}`, hard: false } : tenDigits(random, now);
    const template = random.pick([
      "P-nr. {n}",
      "P-nummer {n}",
      "Produktionsenhed, p-nr {n}",
      "CVR {c}, P-nr.: {n}",
      "EAN {e}",
    ]);
    const text = template
      .replace("{n}", n.value)
      .replace("{c}", random.digits(8))
      .replace("{e}", `57${random.digits(11)}`);
    return { text, hard: n.hard };
  },
};

/** `count` samples spread evenly over the kinds, deterministic for a seed. */
export function generateNegatives(options: { seed: number; now: Date; count: number }): NegativeSample[] {
  const random = createRandom(options.seed);
  const kinds = Object.keys(MAKERS) as NegativeKind[];
  const samples: NegativeSample[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = kinds[i % kinds.length]!;
    samples.push({ kind, ...MAKERS[kind](random, options.now) });
  }
  return samples;
}
