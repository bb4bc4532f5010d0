// A synthetic but real-format day of NDRs for the benchmark: systemic faults at a few recipient
// domains, our gateway failing for an hour, CPR subjects, and many unrelated individual mistakes.
import { MONDAY, makeDsn, seeded } from "@safetynet/classifier/test-support";

const DAY = 24 * 3_600_000;

export interface DayStream {
  raws: string[];
  failures: number;
}

export function dayStream(messages: number, recipientsPerMessage: number, seed = 7): DayStream {
  const random = seeded(seed);
  const raws: string[] = [];
  let failures = 0;
  for (let n = 0; n < messages; n++) {
    const at = new Date(MONDAY + Math.floor((n / messages) * DAY));
    const kind = random();
    const more = (domain: string) =>
      Array.from({ length: recipientsPerMessage - 1 }, (_, k) => `modtager${n}-${k}@${domain}`);
    const sender = `medarbejder${Math.floor(random() * 2000)}@kommune.example`;
    let spec: Parameters<typeof makeDsn>[0];
    if (kind < 0.3) {
      const domain = `myndighed${Math.floor(random() * 5)}.example`;
      spec = {
        date: at,
        from: sender,
        to: `sag${n}@${domain}`,
        subject: `Sag ${n}`,
        status: "5.7.0",
        diagnostic: "530 5.7.0 Must issue a STARTTLS command first",
        moreRecipients: more(domain),
      };
    } else if (kind < 0.4) {
      spec = {
        date: at,
        from: `borger${n}@extern.example`,
        to: `post${n % 50}@kommune.example`,
        subject: `Sikker post ${n}`,
        status: "4.4.1",
        diagnostic: "connect to exch01.kommune.example[10.0.0.1]:25: Connection timed out",
        reportingMta: "gw1.sikkermail.example",
        remoteMta: "exch01.kommune.example",
      };
    } else if (kind < 0.6) {
      spec = {
        date: at,
        from: sender,
        to: `modtager${n}@region.example`,
        subject: `Vedr. 0102${String((n % 90) + 10)}-${String(1000 + (n % 8999)).padStart(4, "0")}`,
        status: "5.7.1",
        diagnostic: "550 5.7.1 Message rejected by DLP policy",
        reportingMta: "dlp.kommune.example",
        remoteMta: null,
        moreRecipients: more("region.example"),
      };
    } else {
      const domain = `firma${n}.example`;
      spec = {
        date: at,
        from: sender,
        to: `typo${n}@${domain}`,
        subject: `Svar ${n}`,
        status: "5.1.1",
        diagnostic: "550 5.1.1 User unknown",
        moreRecipients: more(domain),
      };
    }
    const recipients = 1 + (spec.moreRecipients?.length ?? 0);
    failures += recipients;
    raws.push(makeDsn({ ...spec, id: `bench-${seed}-${n}` }));
  }
  return { raws, failures };
}
