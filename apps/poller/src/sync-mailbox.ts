// One sync pass of a selected mailbox: decide (seed, reset, full, incremental, none), then per
// batch store + commit, enqueue, mark on the server, save the sync state, in that order.

import type { Logger } from "@safetynet/config";
import { chunkUids, decideSync, missingUids, type SyncDecision } from "@safetynet/core";
import {
  type DbClient,
  listStoredUids,
  loadMailboxSyncState,
  resetMailboxSyncState,
  type SqlClient,
  saveMailboxSyncState,
} from "@safetynet/db";
import { type IngestOutcome, type Ingestor, publishStep } from "@safetynet/ingest";
import type { ImapFlow } from "imapflow";
import { type FetchedMessage, fetchMessages } from "./fetch-messages.js";
import type { MailboxSettings } from "./mailbox-settings.js";
import { markMessages } from "./mark-messages.js";

export interface SyncContext {
  client: ImapFlow;
  db: DbClient;
  /** Plain pg for the per-batch sync state write. */
  sql: SqlClient;
  ingestor: Ingestor;
  settings: MailboxSettings;
  keyword: string;
  batchSize: number;
  fullSyncEveryMs: number;
  maxMessageBytes: number;
  log: Logger;
  /** false until this process has once listed every UID: a due comparison then lists them all (see decideSync). */
  useModseq: boolean;
  /** Checked between batches: a stop finishes the batch in hand, then returns. */
  stopping: () => boolean;
}

/** Batches fetched, stored or finishing at once: bounds memory to a few batches, whatever the count. */
const PIPELINE_DEPTH = 4;
/**
 * The first batch of a pass is small, so storing starts while the server is still reading the
 * rest (its first read of fresh files is the slowest); then full IMAP_BATCH_SIZE batches.
 */
const FIRST_BATCH = 100;

interface InFlight {
  batch: number[];
  result: Promise<{ fetched: FetchedMessage[]; outcomes: IngestOutcome[] } | null>;
}

function planBatches(uids: readonly number[], batchSize: number): number[][] {
  const first = Math.min(batchSize, FIRST_BATCH);
  if (uids.length <= first) return uids.length ? [[...uids]] : [];
  return [uids.slice(0, first), ...chunkUids(uids.slice(first), batchSize)];
}

export interface SyncSummary {
  decision: SyncDecision["kind"];
  /** UIDs the server listed for comparison (a full pass: all of them, or those changed since a MODSEQ). */
  listed: number;
  /** This pass listed every UID on the server and compared them with the stored ones. */
  listedAll: boolean;
  fetched: number;
  stored: number;
  quarantined: number;
}

async function uidsToRead(
  ctx: SyncContext,
  decision: SyncDecision,
  uidValidity: bigint,
  lastUid: bigint,
  listed: { count: number },
): Promise<number[]> {
  if (decision.kind === "none" || decision.kind === "unchanged") return [];
  if (decision.kind === "incremental") {
    // `n:*` matches the highest UID even when it is below n (RFC 3501 6.4.8), hence the filter.
    const found = (await ctx.client.search({ uid: `${decision.fromUid}:*` }, { uid: true })) || [];
    return found.filter((uid) => BigInt(uid) >= decision.fromUid).sort((a, b) => a - b);
  }
  // CONDSTORE: only what changed since the last full comparison (new messages have a higher MODSEQ).
  const changedSince = decision.kind === "full" ? decision.changedSince : undefined;
  const all =
    (await ctx.client.search(changedSince === undefined ? { all: true } : { modseq: changedSince + 1n }, {
      uid: true,
    })) || [];
  listed.count = all.length;
  // Skip only what is provably done: stored AND at or below the saved lastUid (saved after the
  // mark step). A stored UID above it may still lack its job or its mark after a crash.
  const done = new Set(
    [...(await listStoredUids(ctx.db, ctx.settings.id, uidValidity))].filter((uid) => BigInt(uid) <= lastUid),
  );
  return missingUids(all, done);
}

export async function syncMailbox(ctx: SyncContext): Promise<SyncSummary> {
  const { client, settings, log } = ctx;
  // Dovecot answers STATUS on the selected folder from its view at the last command: NOOP first
  // brings that view up to date (and is the poll on servers without IDLE).
  await client.noop();
  const status = await client.status(settings.endpoint.folder, {
    uidNext: true,
    uidValidity: true,
    highestModseq: true,
    messages: true,
  });
  if (!status) throw new Error("STATUS returned nothing for the watched folder");
  const selected = client.mailbox ? client.mailbox.uidValidity : undefined;
  const uidValidity = BigInt(status.uidValidity ?? selected ?? 0n);
  const stored = await loadMailboxSyncState(ctx.db, settings.id);
  const server = {
    uidValidity,
    uidNext: Number(status.uidNext ?? 0),
    highestModseq: status.highestModseq ?? null,
    exists: status.messages ?? 0,
  };
  const decision = decideSync(stored, server, {
    now: new Date(),
    fullSyncEveryMs: ctx.fullSyncEveryMs,
    useModseq: ctx.useModseq,
  });
  const summary: SyncSummary = {
    decision: decision.kind,
    listed: 0,
    listedAll: false,
    fetched: 0,
    stored: 0,
    quarantined: 0,
  };
  if (decision.kind === "none") return summary;
  if (decision.kind === "unchanged") {
    // The comparison is done without listing anything: record it, so it is not due again at once.
    await saveMailboxSyncState(ctx.sql, settings.id, { uidValidity, lastUid: stored.lastUid, fullSyncAt: new Date() });
    log.debug({ reason: decision.reason }, "full comparison skipped: mailbox unchanged");
    return summary;
  }
  if (decision.kind === "reset") {
    const recorded = await resetMailboxSyncState(ctx.db, settings.id, {
      previousUidValidity: decision.previousUidValidity,
      uidValidity,
    });
    log.warn(
      { previousUidValidity: String(decision.previousUidValidity), uidValidity: String(uidValidity), recorded },
      "UIDVALIDITY changed: re-seeding by content hash and Message-ID",
    );
  }
  const startedAt = new Date();
  let lastUid = decision.kind === "reset" || decision.kind === "seed" ? 0n : stored.lastUid;
  const listed = { count: 0 };
  const uids = await uidsToRead(ctx, decision, uidValidity, lastUid, listed);
  summary.listed = listed.count;
  summary.listedAll =
    decision.kind !== "incremental" && !(decision.kind === "full" && decision.changedSince !== undefined);
  const reseeding = decision.kind === "reset";
  const batches = planBatches(uids, ctx.batchSize);
  // Pipelined, up to PIPELINE_DEPTH batches at once: FETCHes run back to back on the connection
  // and each fetched batch is stored and enqueued at once, while the oldest one is finished. Each
  // batch still goes store -> enqueue -> mark -> save state in that order, and batches are marked
  // and saved strictly in UID order, so lastUid never passes unfinished work.
  const ingestBatch = (fetched: FetchedMessage[]) =>
    ctx.ingestor.ingest(
      fetched.map((message) => ({
        bytes: message.source,
        ...(message.problem ? { unreadable: message.problem } : {}),
        source: "live" as const,
        mailboxId: settings.id,
        uidValidity,
        uid: BigInt(message.uid),
        internalDate: message.internalDate,
        importRef: null,
      })),
      reseeding ? { matchMessageIds: { mailboxId: settings.id } } : {},
    );
  let fetchChain: Promise<unknown> = Promise.resolve();
  /** Fetch (after the previous FETCH; not at all when it failed), then store + enqueue; null when a stop came first. */
  const launch = (batch: number[]): InFlight => {
    const fetching = fetchChain.then(() => fetchMessages(client, batch, ctx.maxMessageBytes));
    fetchChain = fetching;
    const result = fetching.then(async (fetched) => {
      // Yield once, so the next batch's FETCH (queued behind this one) goes out to the server
      // before hashing and encrypting this batch keeps the event loop busy: the two overlap.
      await new Promise((resolve) => setImmediate(resolve));
      return ctx.stopping() ? null : { fetched, outcomes: await ingestBatch(fetched) };
    });
    result.catch(() => undefined); // awaited in order below; never an unhandled rejection meanwhile
    return { batch, result };
  };
  const finishBatch = async (batch: number[], fetched: FetchedMessage[], outcomes: IngestOutcome[]) => {
    await markMessages(
      client,
      settings,
      ctx.keyword,
      fetched.map((message) => message.uid),
    );
    publishStep("after-mark");
    const batchMax = BigInt(batch[batch.length - 1]!);
    if (batchMax > lastUid) lastUid = batchMax;
    await saveMailboxSyncState(ctx.sql, settings.id, { uidValidity, lastUid });
    publishStep("after-save-state");
    summary.fetched += fetched.length;
    summary.stored += outcomes.filter((outcome) => outcome.status === "new").length;
    summary.quarantined += outcomes.filter((outcome) => outcome.status === "new" && outcome.quarantined).length;
  };

  const inFlight: InFlight[] = [];
  let launched = 0;
  let finished = 0;
  const refill = () => {
    while (launched < batches.length && inFlight.length < PIPELINE_DEPTH && !ctx.stopping())
      inFlight.push(launch(batches[launched++]!));
  };
  try {
    refill();
    while (inFlight.length > 0) {
      const head = inFlight.shift()!;
      const done = await head.result;
      // A stop means "no new batch": whatever was stored and enqueued is still marked and saved.
      if (!done) break;
      await finishBatch(head.batch, done.fetched, done.outcomes);
      finished++;
      refill();
    }
  } finally {
    // Never leave a FETCH or an insert running behind a returning (or failing) pass.
    await Promise.allSettled(inFlight.map((pending) => pending.result));
  }
  if (finished === batches.length) {
    const uidNextFloor = server.uidNext > 0 ? BigInt(server.uidNext) - 1n : lastUid;
    // A full pass saw everything below UIDNEXT; an incremental one only what it fetched.
    const seenUpTo = decision.kind === "incremental" ? lastUid : uidNextFloor > lastUid ? uidNextFloor : lastUid;
    // HIGHESTMODSEQ only from a completed full comparison: the next one may skip what it covered.
    await saveMailboxSyncState(ctx.sql, settings.id, {
      uidValidity,
      lastUid: seenUpTo,
      ...(decision.kind === "incremental" ? {} : { fullSyncAt: startedAt, highestModseq: server.highestModseq }),
    });
  }
  if (summary.fetched) {
    const count = summary.stored === 1 ? "1 new message" : `${summary.stored} new messages`;
    log.info(summary, `stored ${count} from the mailbox`);
  }
  return summary;
}
