// Writes the demo's back-filled history as .eml NDRs (synthetic: made-up people, fake CPR numbers):
// 913 DLP refusals of secure mail with a CPR number in the subject over 2018-2024, as in the
// incident report, plus two systemic faults (a supplier gateway outage in 2021, a recipient
// authority refusing mail without TLS in 2023). `safetynet import` then back-fills them (no notices).
//   npx tsx scripts/demo/generate-history.ts OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeDsn } from "@safetynet/classifier/test-support";

const out = process.argv[2] ?? ".run/demo-history";
mkdirSync(out, { recursive: true });
// Blocked mails per year (the report's 2018 figure is 98; 913 in all).
const PER_YEAR: Record<number, number> = { 2018: 98, 2019: 141, 2020: 152, 2021: 137, 2022: 128, 2023: 134, 2024: 123 };
const DEPARTMENTS = ["boern-familie", "jobcenter", "ydelse", "handicap", "aeldre", "skole"];
const AUTHORITIES = [
  "politi.example",
  "region.example",
  "familieretshuset.example",
  "ankestyrelsen.example",
  "sygehus.example",
];
let seed = 19;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const pad = (n: number) => String(n).padStart(2, "0");
let files = 0;
const write = (name: string, text: string) => {
  writeFileSync(path.join(out, `${name}.eml`), text);
  files++;
};

for (const [year, count] of Object.entries(PER_YEAR)) {
  for (let n = 0; n < count; n++) {
    const date = new Date(Date.UTC(Number(year), 0, 1) + Math.floor(random() * 364 * 86400_000) + 8 * 3600_000);
    // Working hours on a weekday, as a caseworker sends.
    date.setUTCHours(7 + Math.floor(random() * 8), Math.floor(random() * 60));
    // Serial 1000-3999: born in the 1900s, so any DDMMYY is a valid CPR date.
    const cpr = `${pad(1 + Math.floor(random() * 28))}${pad(1 + Math.floor(random() * 12))}${pad(Math.floor(random() * 100))}-${String(1000 + Math.floor(random() * 3000))}`;
    const sender = `${pick(DEPARTMENTS)}.sagsbehandler${1 + Math.floor(random() * 40)}@kommune.example`;
    const recipient = `sikkerpost${1 + Math.floor(random() * 9)}@${pick(AUTHORITIES)}`;
    write(
      `cpr-${year}-${n}`,
      makeDsn({
        id: `demo-cpr-${year}-${n}`,
        date,
        from: sender,
        to: recipient,
        subject: pick([
          `Underretning vedr. ${cpr}`,
          `Sag ${cpr} - akter`,
          `Anmodning om oplysninger, cpr ${cpr}`,
          `Politianmeldelse ${cpr}`,
        ]),
        status: "5.7.1",
        diagnostic: "550 5.7.1 Message rejected by DLP policy: CPR number in subject",
        reportingMta: "dlp.kommune.example",
        remoteMta: null,
      }),
    );
  }
}
// A supplier gateway outage: 14 senders within an hour, 2021-03-09.
for (let n = 0; n < 14; n++) {
  write(
    `gateway-2021-${n}`,
    makeDsn({
      id: `demo-gw-2021-${n}`,
      date: new Date(Date.UTC(2021, 2, 9, 9, 5 + n * 4)),
      from: `${pick(DEPARTMENTS)}.sagsbehandler${n + 1}@kommune.example`,
      to: `sikkerpost@${pick(AUTHORITIES)}`,
      subject: `Sikker post ${n + 1}`,
      status: "4.4.1",
      diagnostic: `delivery temporarily suspended: connect to gw1.sikkermail.example[10.20.0.${n}]:25: Connection timed out`,
      reportingMta: "relay1.kommune.example",
      remoteMta: "gw1.sikkermail.example",
    }),
  );
}
// One authority refuses mail without TLS for two hours, 2023-09-14.
for (let n = 0; n < 20; n++) {
  write(
    `tls-2023-${n}`,
    makeDsn({
      id: `demo-tls-2023-${n}`,
      date: new Date(Date.UTC(2023, 8, 14, 10, 3 + n * 6)),
      from: `${pick(DEPARTMENTS)}.sagsbehandler${n + 3}@kommune.example`,
      to: `sikkerpost${n % 4}@politi.example`,
      subject: `Sagsakter ${n + 1}`,
      status: "5.7.10",
      diagnostic: "530 5.7.10 Must issue a STARTTLS command first",
      reportingMta: "relay1.kommune.example",
      remoteMta: "mx.politi.example",
    }),
  );
}
process.stdout.write(`demo history: ${files} NDRs written to ${out}\n`);
