// Scenario streams with known answers (used by the scenario tests and the benchmark): each yields
// real-format NDRs and, per message, the incident group it belongs to (null: none expected).
import { type DsnSpec, makeDsn } from "./make-dsn.js";

export interface ScenarioMessage {
  name: string;
  raw: string;
  /** Messages with the same non-null group must share an incident; null: no incident. */
  group: string | null;
  scope: "individual" | "systemic" | "none";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const MONDAY = Date.UTC(2026, 10, 2, 7, 0, 0);

/** A small deterministic generator so scenarios differ between seeds but never between runs. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function message(name: string, spec: DsnSpec, group: string | null, scope: ScenarioMessage["scope"]): ScenarioMessage {
  return { name, raw: makeDsn({ id: name, ...spec }), group, scope };
}

/** 40 senders put a CPR number in the subject over a week: individual, one pattern. */
export function cprWeek(seed = 1, start = MONDAY): ScenarioMessage[] {
  const random = seeded(seed);
  return Array.from({ length: 40 }, (_, n) => {
    const at = start + Math.floor(random() * 7 * DAY);
    const cpr = `${String(1 + (n % 28)).padStart(2, "0")}0${1 + (n % 9)}85-${String(1000 + n * 37).slice(0, 4)}`;
    return message(
      `cpr-${seed}-${n}`,
      {
        date: new Date(at),
        from: `sagsbehandler${n}@kommune.example`,
        to: `modtager${n}@myndighed${n % 5}.example`,
        subject: `Sag vedr. ${cpr} underretning`,
        status: "5.7.1",
        diagnostic: "550 5.7.1 Message rejected by DLP policy: sensitive data in subject",
        reportingMta: "dlp.kommune.example",
        remoteMta: null,
        style: n % 2 ? "exchange" : "postfix",
      },
      "cpr-pattern",
      "individual",
    );
  });
}

/** One recipient domain refuses non-TLS mail for two hours; 25 senders hit it. */
export function tlsRefusal(seed = 2, start = MONDAY + 3 * HOUR, domain = "politi.example"): ScenarioMessage[] {
  const random = seeded(seed);
  return Array.from({ length: 25 }, (_, n) =>
    message(
      `tls-${seed}-${n}`,
      {
        date: new Date(start + Math.floor(random() * 2 * HOUR)),
        from: `medarbejder${n}@kommune.example`,
        to: `afdeling${n % 7}@${domain}`,
        subject: `Henvendelse ${n}`,
        status: "5.7.0",
        diagnostic: `host mx${1 + (n % 2)}.${domain}[192.0.2.${10 + n}] said: 530 5.7.0 Must issue a STARTTLS command first (in reply to MAIL FROM command)`,
        remoteMta: `mx${1 + (n % 2)}.${domain}`,
      },
      `tls-${domain}`,
      "systemic",
    ),
  );
}

/** Our secure-mail gateway cannot return messages into the municipality for 90 minutes. */
export function gatewayDown(seed = 3, start = MONDAY + DAY + 9 * HOUR): ScenarioMessage[] {
  const random = seeded(seed);
  return Array.from({ length: 12 }, (_, n) =>
    message(
      `gw-${seed}-${n}`,
      {
        date: new Date(start + Math.floor(random() * 90 * MINUTE)),
        from: `borger${n}@extern${n}.example`,
        to: `sagsbehandler${n}@kommune.example`,
        subject: `Sikker post ${n}`,
        status: "4.4.1",
        diagnostic: `delivery temporarily suspended: connect to exch0${1 + (n % 3)}.kommune.example[10.0.0.${n}]:25: Connection timed out`,
        reportingMta: `gw${1 + (n % 2)}.sikkermail.example`,
        remoteMta: `exch0${1 + (n % 3)}.kommune.example`,
      },
      "gateway",
      "systemic",
    ),
  );
}

/** A recipient domain's MX fails for ten minutes, recovers for twenty, over three hours. */
export function flapping(seed = 4, start = MONDAY + 2 * DAY + 8 * HOUR, domain = "region.example"): ScenarioMessage[] {
  const random = seeded(seed);
  const out: ScenarioMessage[] = [];
  for (let burst = 0; burst < 6; burst++) {
    for (let n = 0; n < 4; n++) {
      const at = start + burst * 30 * MINUTE + Math.floor(random() * 10 * MINUTE);
      out.push(
        message(
          `flap-${seed}-${burst}-${n}`,
          {
            date: new Date(at),
            from: `kollega${(burst * 4 + n) % 9}@kommune.example`,
            to: `post${n}@${domain}`,
            subject: `Journal ${burst}-${n}`,
            status: "4.4.1",
            diagnostic: `connect to mx.${domain}[198.51.100.${burst}]:25: Connection refused`,
            remoteMta: `mx.${domain}`,
          },
          `flap-${domain}`,
          "systemic",
        ),
      );
    }
  }
  return out;
}

/** A domain refuses TLS on Monday, works on Tuesday, and refuses again on Wednesday. */
export function recurring(seed = 5, start = MONDAY + 10 * HOUR): ScenarioMessage[] {
  const first = tlsRefusal(seed, start, "kommune-nabo.example")
    .slice(0, 6)
    .map((item) => ({ ...item, group: "recur-1" }));
  const second = tlsRefusal(seed + 1, start + DAY, "kommune-nabo.example")
    .slice(0, 6)
    .map((item) => ({ ...item, group: "recur-2" }));
  return [...first, ...second];
}

/** Single, unrelated mistakes: a few mistyped addresses and domains (no incident). */
export function noise(seed = 6, start = MONDAY): ScenarioMessage[] {
  const random = seeded(seed);
  return Array.from({ length: 10 }, (_, n) =>
    message(
      `noise-${seed}-${n}`,
      {
        date: new Date(start + Math.floor(random() * 5 * DAY)),
        from: `person${n}@kommune.example`,
        to: `typo${n}@firma${n}.example`,
        subject: `Svar ${n}`,
        status: n % 2 ? "5.1.1" : "5.1.2",
        diagnostic:
          n % 2
            ? "550 5.1.1 <typo@firma.example>: Recipient address rejected: User unknown in virtual mailbox table"
            : "Host or domain name not found. Name service error for name=firma.example type=A: Host not found",
        remoteMta: n % 2 ? undefined : null,
      },
      null,
      "individual",
    ),
  );
}
