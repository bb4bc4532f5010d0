// Who is told about one failed original message: the internal sender (or, when the directory
// says they left or does not know them, the manager or the team mailbox) and, for inbound mail
// that missed one of our mailboxes, that mailbox's owner. Pure: the directory comes in as data.
import type { StaffEntry } from "@safetynet/core";
import { toLanguage } from "./causes.js";
import type { Audience } from "./types.js";

export type DirectoryEntry = StaffEntry;

export interface RoutingFailure {
  originalSender: string | null;
  recipient: string;
}

export interface RoutingInput {
  failures: RoutingFailure[];
  internalDomains: readonly string[];
  /** False when no directory has been imported: every internal sender is then mailed directly. */
  directoryLoaded: boolean;
  /** Entries for the addresses involved (senders, their managers, internal recipients), by lower-case email. */
  directory: ReadonlyMap<string, DirectoryEntry>;
  teamMailbox: string | null;
}

export interface RoutedAudience extends Audience {
  /** Indexes into `failures` this person is told about. */
  failureIndexes: number[];
}

export interface RoutingDecision {
  audiences: RoutedAudience[];
  /** Failures nobody can be told about (no directory match, no manager, no team mailbox). */
  unrouted: number[];
}

export function domainOf(address: string | null | undefined): string | null {
  const at = (address ?? "").lastIndexOf("@");
  return at < 0
    ? null
    : address!
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/>$/, "") || null;
}

/** An address in one of INTERNAL_DOMAINS or a subdomain of one. */
export function isInternal(address: string | null | undefined, internalDomains: readonly string[]): boolean {
  const domain = domainOf(address);
  return domain !== null && internalDomains.some((internal) => domain === internal || domain.endsWith(`.${internal}`));
}

function routeSender(sender: string, input: RoutingInput): Omit<RoutedAudience, "failureIndexes"> | null {
  const entry = input.directory.get(sender);
  if (!input.directoryLoaded) return { address: sender, role: "sender", language: "da", name: null };
  if (entry?.active)
    return {
      address: entry.email.toLowerCase(),
      role: "sender",
      language: toLanguage(entry.language),
      name: entry.name,
    };
  const onBehalfOf = {
    address: sender,
    name: entry?.name ?? null,
    department: entry?.department ?? null,
    why: entry ? ("left" as const) : ("not-in-directory" as const),
  };
  const manager = entry?.managerEmail ? input.directory.get(entry.managerEmail.toLowerCase()) : undefined;
  if (entry?.managerEmail && manager?.active !== false && manager?.email.toLowerCase() !== sender) {
    return {
      address: entry.managerEmail.toLowerCase(),
      role: "manager",
      language: toLanguage(manager?.language),
      name: manager?.name ?? null,
      onBehalfOf,
    };
  }
  if (input.teamMailbox)
    return { address: input.teamMailbox.toLowerCase(), role: "team", language: "da", name: null, onBehalfOf };
  return null;
}

function routeMailboxOwner(mailbox: string, input: RoutingInput): Omit<RoutedAudience, "failureIndexes"> | null {
  const entry = input.directory.get(mailbox);
  // A functional mailbox's owner is the directory's manager column; a person's own entry, themselves.
  const ownerAddress = entry?.managerEmail?.toLowerCase() ?? (entry?.active ? entry.email.toLowerCase() : null);
  const owner = ownerAddress ? input.directory.get(ownerAddress) : undefined;
  if (ownerAddress && owner?.active !== false) {
    return {
      address: ownerAddress,
      role: "mailbox-owner",
      language: toLanguage(owner?.language),
      name: owner?.name ?? null,
      mailboxes: [mailbox],
    };
  }
  if (input.teamMailbox)
    return {
      address: input.teamMailbox.toLowerCase(),
      role: "mailbox-owner",
      language: "da",
      name: null,
      mailboxes: [mailbox],
    };
  return null;
}

export function decideRouting(input: RoutingInput): RoutingDecision {
  const byAddress = new Map<string, RoutedAudience>();
  // Each audience's indexes as a set too: a DSN naming 10,000 recipients of one sender made the
  // array's includes() quadratic (0.1 s of a blocked event loop).
  const indexesOf = new Map<string, Set<number>>();
  const unrouted: number[] = [];
  const add = (audience: Omit<RoutedAudience, "failureIndexes"> | null, index: number) => {
    if (!audience) return false;
    const existing = byAddress.get(audience.address);
    if (!existing) {
      byAddress.set(audience.address, { ...audience, failureIndexes: [index] });
      indexesOf.set(audience.address, new Set([index]));
    } else {
      const known = indexesOf.get(audience.address)!;
      if (!known.has(index)) {
        known.add(index);
        existing.failureIndexes.push(index);
      }
      for (const mailbox of audience.mailboxes ?? []) {
        if (existing.mailboxes && !existing.mailboxes.includes(mailbox)) existing.mailboxes.push(mailbox);
      }
    }
    return true;
  };
  // Outbound first, so a person who is both sender and mailbox owner gets the sender's notice.
  input.failures.forEach((failure, index) => {
    const sender = failure.originalSender?.trim().toLowerCase() ?? null;
    if (sender && isInternal(sender, input.internalDomains) && !add(routeSender(sender, input), index))
      unrouted.push(index);
  });
  input.failures.forEach((failure, index) => {
    const recipient = failure.recipient.trim().toLowerCase();
    const sender = failure.originalSender?.trim().toLowerCase() ?? null;
    if (!isInternal(recipient, input.internalDomains) || isInternal(sender, input.internalDomains)) return;
    if (!add(routeMailboxOwner(recipient, input), index)) unrouted.push(index);
  });
  return { audiences: [...byAddress.values()], unrouted };
}
