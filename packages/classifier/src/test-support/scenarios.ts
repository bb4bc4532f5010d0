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

/** Spread `count` instants over `span` from `start`, deterministically. */
function times(random: () => number, count: number, start: number, span: number): number[] {
  return Array.from({ length: count }, () => start + Math.floor(random() * span));
}

/**
 * Our relay to the secure-mail supplier refuses connections for an hour: 15 failures from 10
 * senders to four recipient domains. Every NDR names the relay (Remote-MTA and "connect to ..."),
 * some after the retries ran out (4.4.1), some at once (5.4.1), some from Exchange: one incident.
 */
export function relayDown(
  seed = 7,
  start = MONDAY + 2 * DAY + 13 * HOUR,
  relay = "relay.sikkermail.example",
  domains = ["politi.example", "region-nord.example", "sygehus.example", "skat.example"],
  group = "relay",
): ScenarioMessage[] {
  const random = seeded(seed);
  return times(random, 15, start, HOUR).map((at, n) => {
    const style = n % 5 === 4 ? "exchange" : "postfix";
    const status = n % 3 === 2 ? "5.4.1" : "4.4.1";
    const prefix = status === "4.4.1" ? "delivery temporarily suspended: " : "";
    return message(
      `${group}-${seed}-${n}`,
      {
        date: new Date(at),
        from: `sagsbehandler${(n * 3) % 10}@kommune.example`,
        to: `post${n}@${domains[n % domains.length]}`,
        subject: `Sikker post ${n}`,
        status,
        diagnostic: `${prefix}connect to ${relay}[10.20.0.${5 + (n % 2)}]:25: Connection refused`,
        remoteMta: n % 4 === 3 ? null : relay,
        style,
      },
      group,
      "systemic",
    );
  });
}

/**
 * Our own outbound gateway (smtp-out1/2, one cluster) stops answering for 45 minutes: Exchange
 * and the relay report timeouts to eight recipient domains. One incident, our infrastructure.
 */
export function ownGatewayDown(seed = 9, start = MONDAY + 3 * DAY + 10 * HOUR): ScenarioMessage[] {
  const random = seeded(seed);
  return times(random, 12, start, 45 * MINUTE).map((at, n) => {
    const host = `smtp-out${1 + (n % 2)}.kommune.example`;
    const exchange = n % 2 === 0;
    return message(
      `own-gw-${seed}-${n}`,
      {
        date: new Date(at),
        from: `medarbejder${n % 8}@kommune.example`,
        to: `kontakt${n}@modtager${n % 8}.example`,
        subject: `Brev ${n}`,
        status: exchange ? "4.4.7" : "4.4.1",
        diagnostic: exchange
          ? `451 4.4.0 Primary target IP address responded with: "421 4.4.0 Unable to connect." Attempted failover to alternate host, but that did not succeed. The last endpoint attempted was 10.0.0.${25 + (n % 2)}:25`
          : `delivery temporarily suspended: connect to ${host}[10.0.0.${25 + (n % 2)}]:25: Connection timed out`,
        reportingMta: exchange ? "EXCH01.kommune.example" : "relay1.kommune.example",
        remoteMta: host,
        style: exchange ? "exchange" : "postfix",
      },
      "own-gateway",
      "systemic",
    );
  });
}

/**
 * Two suppliers' relays are down in the same hour, to overlapping recipient domains: the secure
 * mail supplier refuses connections, the digital post supplier's TLS handshake fails. Two incidents.
 */
export function twoSuppliersDown(seed = 10, start = MONDAY + 3 * DAY + 14 * HOUR): ScenarioMessage[] {
  const first = relayDown(seed, start, "relay.sikkermail.example", ["politi.example", "skat.example"], "two-sikker");
  const random = seeded(seed + 100);
  const second = times(random, 10, start + 10 * MINUTE, HOUR).map((at, n) =>
    message(
      `two-digi-${seed}-${n}`,
      {
        date: new Date(at),
        from: `kollega${n % 6}@kommune.example`,
        to: `borgerpost${n}@${["skat.example", "kommune-syd.example", "politi.example"][n % 3]}`,
        subject: `Digital post ${n}`,
        status: "4.7.5",
        diagnostic:
          n % 2
            ? `TLS is required, but our TLS engine is unavailable: lost connection with gw${1 + (n % 2)}.digipost.example[10.30.1.${n % 2}] while performing the TLS handshake`
            : `Cannot start TLS: handshake failure with gw${1 + (n % 2)}.digipost.example[10.30.1.${n % 2}]`,
        remoteMta: `gw${1 + (n % 2)}.digipost.example`,
      },
      "two-digipost",
      "systemic",
    ),
  );
  return [...first, ...second];
}

/**
 * A shared mailbox (the regional post room) is full for two hours; eight senders write to it,
 * first 4.2.2 (retrying), later 5.2.2. One incident for that mailbox; one person's full mailbox in
 * the same domain the same afternoon is no part of it (and no incident by itself).
 */
export function sharedMailboxFull(seed = 11, start = MONDAY + 4 * DAY + 12 * HOUR): ScenarioMessage[] {
  const random = seeded(seed);
  const shared = times(random, 10, start, 2 * HOUR).map((at, n) =>
    message(
      `mbx-${seed}-${n}`,
      {
        date: new Date(at),
        from: `sagsbehandler${n % 8}@kommune.example`,
        to: "postrum@region-syd.example",
        subject: `Henvendelse ${n}`,
        status: n < 5 ? "4.2.2" : "5.2.2",
        diagnostic: `host mx${1 + (n % 2)}.region-syd.example[192.0.2.${40 + n}] said: 552 ${n < 5 ? "4.2.2" : "5.2.2"} Mailbox full: postrum quota exceeded (in reply to RCPT TO command)`,
        remoteMta: `mx${1 + (n % 2)}.region-syd.example`,
      },
      "shared-mailbox",
      "systemic",
    ),
  );
  const other = message(
    `mbx-other-${seed}`,
    {
      date: new Date(start + 30 * MINUTE),
      from: "enkelt@kommune.example",
      to: "jens.hansen@region-syd.example",
      subject: "Personlig",
      status: "5.2.2",
      diagnostic:
        "host mx1.region-syd.example[192.0.2.40] said: 552 5.2.2 Mailbox full: quota exceeded (in reply to RCPT TO command)",
      remoteMta: "mx1.region-syd.example",
    },
    null,
    "individual",
  );
  return [...shared, other];
}

/** Two recipient domains' own MXs down at the same time: two incidents, not one. */
export function twoDomainsDown(seed = 12, start = MONDAY + 4 * DAY + 8 * HOUR): ScenarioMessage[] {
  return ["kommune-vest.example", "forsyning.example"].flatMap((domain, d) => {
    const random = seeded(seed + d);
    return times(random, 8, start, HOUR).map((at, n) =>
      message(
        `mx-down-${seed}-${d}-${n}`,
        {
          date: new Date(at),
          from: `person${(n + d) % 6}@kommune.example`,
          to: `info${n}@${domain}`,
          subject: `Sag ${n}`,
          status: n % 2 ? "4.4.1" : "5.4.1",
          diagnostic: `connect to mx.${domain}[203.0.113.${10 * d + (n % 3)}]:25: Connection timed out`,
          remoteMta: n % 3 === 0 ? null : `mx.${domain}`,
        },
        `mx-down-${domain}`,
        "systemic",
      ),
    );
  });
}

/** Suppliers the scenarios name (the rules the scenario tests and the F1 scorer classify with). */
export const SCENARIO_SUPPLIERS = [
  { id: "sikkermail", match: { hosts: ["*.sikkermail.example"], gateways: [], domains: [] } },
  { id: "digipost", match: { hosts: ["*.digipost.example"], gateways: [], domains: [] } },
];

/**
 * A whole week of every scenario with known answers, unrelated mistakes in between: what the
 * pairwise F1 score is measured on. Group names carry the seed, so weeks can be concatenated.
 */
export function scenarioWeek(seed = 1): ScenarioMessage[] {
  const s = seed * 100;
  const week = [
    ...cprWeek(s + 1),
    ...tlsRefusal(s + 2),
    ...gatewayDown(s + 3),
    ...flapping(s + 4),
    ...recurring(s + 5),
    ...noise(s + 6),
    ...relayDown(s + 7),
    ...ownGatewayDown(s + 9),
    ...twoSuppliersDown(s + 10),
    ...sharedMailboxFull(s + 11),
    ...twoDomainsDown(s + 12),
  ];
  return week.map((item) => ({ ...item, group: item.group === null ? null : `${item.group}@${seed}` }));
}
