// Decides which hop of the delivery path failed, from the evidence in one report: the reason class
// (mailbox, connection or TLS fault, refusal), the host named in the diagnostic, the Remote-MTA.
// The fingerprint follows this hop, so one relay outage is one incident whatever the recipients.
import { CAUSE_INFO, type Cause } from "./causes.js";
import { cleanHost } from "./host-pattern.js";

/**
 * - mailbox: the fault lies in one mailbox (unknown address, full mailbox);
 * - recipient-mx: a server of the recipient's own organisation failed or refused;
 * - relay: a host outside the recipient's organisation (our smart host, a supplier's relay, a
 *   shared hosting MX) could not be reached or failed TLS: every recipient domain behind it fails;
 * - unknown: no host evidence (or a refusal by a host we cannot place).
 */
export type HopKind = "mailbox" | "recipient-mx" | "relay" | "unknown";

/** What kind of fault: a connection or timeout, a TLS failure, or something said in SMTP. */
export type HopFault = "connection" | "tls" | "other";

export interface FailedHop {
  kind: HopKind;
  fault: HopFault;
  /** The host that failed, as named by the report (lower case), or null. */
  host: string | null;
}

export interface HopEvidence {
  cause: Cause;
  reason: string;
  status: string | null;
  diagnostic: string | null;
  remoteHost: string | null;
  recipientDomain: string | null;
}

const MAILBOX_CAUSES = new Set<Cause>(["recipient-unknown", "recipient-mailbox-full"]);

// Postfix: "connect to relay.x[10.0.0.5]:25: Connection refused", "lost connection with h[ip]",
// "host h[ip] said: ..."; Exchange and gateways: "connecting to h", "refused by h", "Remote server h".
const HOST_NAME = "([a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})";
const HOST_IN_TEXT = [
  new RegExp(`\\bconnect(?:ion|ing)? to \\[?${HOST_NAME}\\b`),
  new RegExp(`\\b${HOST_NAME}\\[[0-9a-f.:]+\\]`),
  new RegExp(`\\b(?:with|by|host|server|relay|smart ?host) \\[?${HOST_NAME}\\b`),
];
// A private address as the last endpoint (Exchange: "The last endpoint attempted was 10.0.0.5:25")
// is a hop on our own network or a supplier's line: never a recipient's public MX.
const PRIVATE_ENDPOINT =
  /\b(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3})(?=[:\]\s]|$)/;

const CONNECTION_TEXT =
  /connection (refused|timed out|reset|closed)|timed out|no route to host|network is unreachable|host unreachable|lost connection|unable to connect|could not connect|connect to .*(refused|timed out|failed)|conversation with .* timed out/;
const TLS_TEXT = /starttls|\btls\b|\bssl\b|handshake|certificate/;
const CONNECTION_REASONS = new Set(["networkerror", "expired"]);

export function decideFailedHop(evidence: HopEvidence): FailedHop {
  const text = (evidence.diagnostic ?? "").toLowerCase();
  const fault = faultOf(evidence, text);
  if (MAILBOX_CAUSES.has(evidence.cause)) return { kind: "mailbox", fault, host: cleanHost(evidence.remoteHost) };
  const named = hostNamedIn(text);
  const remote = cleanHost(evidence.remoteHost);
  // A connection fault names the host it tried in its text; the Remote-MTA may be an earlier hop.
  // A bare private address is the weakest evidence: a cluster's members have different ones.
  const host = fault === "other" ? (remote ?? named) : (named ?? remote ?? privateEndpointIn(text));
  if (!host) return { kind: "unknown", fault, host: null };
  if (sameOrganisation(host, evidence.recipientDomain)) return { kind: "recipient-mx", fault, host };
  if (fault === "other") return { kind: "unknown", fault, host };
  return { kind: "relay", fault, host };
}

function faultOf(evidence: HopEvidence, text: string): HopFault {
  if (evidence.cause === "tls-required" || evidence.reason === "failedstarttls" || TLS_TEXT.test(text)) return "tls";
  if (CONNECTION_REASONS.has(evidence.reason) || /^[45]\.4\.[0-7]$/.test(evidence.status ?? "")) return "connection";
  return CONNECTION_TEXT.test(text) ? "connection" : "other";
}

function hostNamedIn(text: string): string | null {
  for (const pattern of HOST_IN_TEXT) {
    const found = pattern.exec(text)?.[1];
    if (found && !/^[\d.]+$/.test(found)) return cleanHost(found);
  }
  return null;
}

function privateEndpointIn(text: string): string | null {
  const endpoint = PRIVATE_ENDPOINT.exec(text)?.[1];
  return endpoint ? `[${endpoint}]` : null;
}

/** The host is the recipient domain's own (same registrable name: `mx1.politi.example` for `politi.example`). */
function sameOrganisation(host: string, domain: string | null): boolean {
  if (!domain) return false;
  if (host === domain || host.endsWith(`.${domain}`)) return true;
  const base = (name: string) => name.split(".").slice(-2).join(".");
  return !host.startsWith("[") && base(host) === base(domain);
}

/**
 * What a connection, timeout or TLS fault groups by: the relay's host (many recipient domains
 * share it) or the recipient domain (its own MX, or no host named). Null: the cause's own recipe
 * decides (refusals, mailbox faults, individual causes, and our gateway's own faults, where the
 * reporting host is the component).
 */
export function hopGrouping(cause: Cause, hop: FailedHop | undefined): "host" | "domain" | null {
  if (!hop || hop.fault === "other" || cause === "gateway-cannot-return") return null;
  if (CAUSE_INFO[cause].nature === "individual") return null;
  if (hop.kind === "relay" && hop.host) return "host";
  return hop.kind === "recipient-mx" || hop.kind === "unknown" ? "domain" : null;
}
