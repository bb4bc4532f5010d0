// Resolves an endpoint's host once and checks every address it gave before any connection is
// made; the caller then connects to the checked address only (pinned), so a DNS answer that
// changes between the check and the connect (a rebind) cannot slip a private address past.
import { lookup } from "node:dns/promises";
import net from "node:net";
import { AppError } from "@safetynet/core";
import { isPublicAddress } from "./is-public-address.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  /** Hosts exempt from the guard (WEBHOOK_ALLOW_HOSTS): exact names or addresses, or `*.suffix`. */
  allowHosts: readonly string[];
  /** Name resolution; the system resolver (getaddrinfo, as any client would) when omitted. */
  resolve?: Resolver;
}

const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

export function isAllowedHost(hostname: string, allowHosts: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return allowHosts.some((pattern) => {
    const allowed = pattern.toLowerCase().replace(/^\[|\]$/g, "");
    return allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) : host === allowed;
  });
}

/** The address to connect to; throws AppError WEBHOOK_BLOCKED when the guard refuses the host. */
export async function resolveWebhookHost(rawHostname: string, options: GuardOptions): Promise<ResolvedAddress> {
  const hostname = rawHostname.replace(/^\[|\]$/g, "");
  const allowed = isAllowedHost(hostname, options.allowHosts);
  const literal = net.isIP(hostname);
  const addresses: ResolvedAddress[] = literal
    ? [{ address: hostname, family: literal === 6 ? 6 : 4 }]
    : await (options.resolve ?? systemResolver)(hostname);
  if (!addresses.length) throw new AppError("WEBHOOK_BLOCKED", { message: `${hostname} resolved to no address` });
  // Every answer is checked, not just the one used: a mixed answer is a misconfiguration or an attack.
  const refused = allowed ? [] : addresses.filter((entry) => !isPublicAddress(entry.address));
  if (refused.length) {
    throw new AppError("WEBHOOK_BLOCKED", {
      message: `refused: ${hostname} resolves to a non-public address (${refused.map((entry) => entry.address).join(", ")}); add it to WEBHOOK_ALLOW_HOSTS if that is intended`,
    });
  }
  return addresses[0]!;
}
