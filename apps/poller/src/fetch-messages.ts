// Fetches one batch of messages by UID in one FETCH: size, internal date and the source capped
// at the size limit (BODY.PEEK[]<0.limit>); oversized ones are then fetched whole, one by one,
// to be stored and quarantined.

import { toSequenceSet } from "@safetynet/core";
import type { ImapFlow } from "imapflow";

export interface FetchedMessage {
  uid: number;
  source: Buffer | null;
  internalDate: Date | null;
  /** Why the source is missing, for the quarantine reason. */
  problem?: string;
}

function asDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  return typeof value === "string" ? new Date(value) : null;
}

export async function fetchMessages(
  client: ImapFlow,
  uids: readonly number[],
  maxMessageBytes: number,
): Promise<FetchedMessage[]> {
  const byUid = new Map<number, FetchedMessage>();
  const oversized: number[] = [];
  const query = { uid: true, size: true, internalDate: true, source: { maxLength: maxMessageBytes } } as const;
  for await (const message of client.fetch(toSequenceSet(uids), query, { uid: true })) {
    if ((message.size ?? 0) > maxMessageBytes) oversized.push(message.uid);
    else
      byUid.set(message.uid, {
        uid: message.uid,
        source: message.source ?? null,
        internalDate: asDate(message.internalDate),
      });
  }
  for (const uid of oversized) {
    const message = await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true });
    if (message) byUid.set(uid, { uid, source: message.source ?? null, internalDate: asDate(message.internalDate) });
  }
  // UIDs that vanished between SEARCH and FETCH were expunged by someone else: nothing to read.
  return uids
    .filter((uid) => byUid.has(uid) || oversized.includes(uid))
    .map((uid) => byUid.get(uid) ?? { uid, source: null, internalDate: null, problem: "server returned no content" });
}
