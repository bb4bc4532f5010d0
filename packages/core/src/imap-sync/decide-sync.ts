// Decides what one sync pass of a mailbox must do, from the persisted sync state and what the
// server reports on SELECT (RFC 3501 UIDVALIDITY/UIDNEXT, RFC 7162 HIGHESTMODSEQ). Pure.
export interface StoredSyncState {
  uidValidity: bigint | null;
  lastUid: bigint;
  /** HIGHESTMODSEQ as of the last completed full comparison (seed, reset or full pass). */
  highestModseq: bigint | null;
  lastFullSyncAt: Date | null;
}

export interface ServerMailboxState {
  uidValidity: bigint;
  /** The UID the next message will get (RFC 3501 2.3.1.1): every new message raises it. */
  uidNext: number;
  highestModseq?: bigint | null;
  exists: number;
}

export type SyncDecision =
  /** First sight of this mailbox: list every UID and store what is not stored yet. */
  | { kind: "seed"; reason: string }
  /** UIDVALIDITY changed: every UID is meaningless; re-list, match by content hash and Message-ID. */
  | { kind: "reset"; previousUidValidity: bigint; reason: string }
  /**
   * Periodic full comparison of the server's UIDs with the stored ones (catches anything missed).
   * With `changedSince` (CONDSTORE, RFC 7162) only the messages whose MODSEQ is above it are
   * listed: everything at or below it was compared by the last full pass.
   */
  | { kind: "full"; reason: string; changedSince?: bigint }
  /** A full comparison was due, but HIGHESTMODSEQ says nothing changed since the last one. */
  | { kind: "unchanged"; reason: string }
  /** Fetch UIDs above the last one seen. */
  | { kind: "incremental"; fromUid: bigint; reason: string }
  | { kind: "none"; reason: string };

export interface DecideSyncOptions {
  now: Date;
  fullSyncEveryMs: number;
  /**
   * false: a due comparison lists every UID whatever HIGHESTMODSEQ says. The poller does that on
   * its first pass after start, because only a full listing finds what the database lost (a
   * restore from backup, a deleted row): HIGHESTMODSEQ only tells about the server's side.
   */
  useModseq?: boolean;
}

export function decideSync(
  stored: StoredSyncState,
  server: ServerMailboxState,
  options: DecideSyncOptions,
): SyncDecision {
  if (stored.uidValidity === null) return { kind: "seed", reason: "no stored UIDVALIDITY" };
  if (stored.uidValidity !== server.uidValidity) {
    return {
      kind: "reset",
      previousUidValidity: stored.uidValidity,
      reason: `UIDVALIDITY ${stored.uidValidity} -> ${server.uidValidity}`,
    };
  }
  const fullDue =
    stored.lastFullSyncAt === null ||
    options.now.getTime() - stored.lastFullSyncAt.getTime() >= options.fullSyncEveryMs;
  if (fullDue) {
    // CONDSTORE: every change (a new message, an expunge, a flag) raises HIGHESTMODSEQ. The same
    // value as at the last full comparison means the same mailbox: nothing to list or compare.
    const known = stored.highestModseq;
    const now = server.highestModseq ?? null;
    if (options.useModseq !== false && known !== null && now !== null && stored.lastFullSyncAt !== null) {
      if (now === known && BigInt(server.uidNext) <= stored.lastUid + 1n)
        return { kind: "unchanged", reason: `HIGHESTMODSEQ ${now} unchanged since the last full comparison` };
      if (now > known)
        return {
          kind: "full",
          reason: `periodic comparison of what changed since MODSEQ ${known}`,
          changedSince: known,
        };
    }
    return { kind: "full", reason: "periodic full comparison due" };
  }
  // UIDs are strictly ascending within one UIDVALIDITY, so UIDNEXT above lastUid+1 means new mail.
  // HIGHESTMODSEQ also moves on flag changes (our own keyword), so it alone does not mean new mail.
  if (BigInt(server.uidNext) > stored.lastUid + 1n) {
    return { kind: "incremental", fromUid: stored.lastUid + 1n, reason: "UIDNEXT moved" };
  }
  // A server that omits UIDNEXT (imapflow then reports 0) must still be read.
  if (server.uidNext === 0 && server.exists > 0) {
    return { kind: "incremental", fromUid: stored.lastUid + 1n, reason: "server gave no UIDNEXT" };
  }
  return { kind: "none", reason: "UIDNEXT unchanged" };
}
