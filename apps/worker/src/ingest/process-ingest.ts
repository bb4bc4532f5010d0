// The `ingest` processor: prepare the message (load, decrypt, parse, classify; quarantine what
// cannot be read), write failures and incidents in one transaction, then enqueue follow-ups.
import {
  type IngestMessage,
  loadIngestMessage,
  loadIngestMessages,
  loadMessageFailureIds,
  loadUnescalatedIncidentEvents,
  preparedStatements,
} from "@safetynet/db";
import { readPayload } from "@safetynet/queue";
import { coalesce } from "./coalesce.js";
import { enqueueFollowUps, enqueueManyFollowUps, type FollowUps } from "./enqueue-follow-ups.js";
import type { PreparedMessage } from "./group-batch.js";
import { ingestBatch } from "./ingest-batch.js";
import type { IngestContext, IngestOutcome } from "./ingest-context.js";
import { prepareMessage } from "./prepare-message.js";

/** How the transaction is run: alone (tests, a quiet mailbox) or gathered into a batch. */
export type RunBatch = (message: PreparedMessage) => Promise<IngestOutcome>;

/** The round trips of one job; the worker shares them between the jobs it holds at once. */
export interface IngestSteps {
  load(messageId: string): Promise<IngestMessage | null>;
  run: RunBatch;
  enqueue(followUps: FollowUps): Promise<void>;
}

export const runAlone =
  (context: IngestContext): RunBatch =>
  async (message) =>
    (await ingestBatch(context, [message])).get(message.messageId)!;

/** One job, its own round trips. */
export function stepsAlone(context: IngestContext, run: RunBatch = runAlone(context)): IngestSteps {
  return {
    load: (messageId) => loadIngestMessage(context.sql, messageId),
    run,
    enqueue: ({ failureIds, escalations }) => enqueueFollowUps(context, failureIds, escalations),
  };
}

/** At most this many encrypted bytes are loaded at once: the rest wait until those are parsed. */
export const LOAD_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Concurrent jobs share round trips: one load query and one enqueue per queue per turn of the
 * event loop. A message the load deferred (over the byte budget) is asked for again: by then the
 * loaded ones have been parsed (synchronously, in the same turn), so their bytes can go.
 */
export function stepsShared(
  context: IngestContext,
  run: RunBatch,
  maxSize: number,
  budgetBytes = LOAD_BUDGET_BYTES,
): IngestSteps {
  // One load group per turn (not several in parallel), so the budget holds for the whole worker.
  const loadRound = coalesce(
    async (ids: string[]) => {
      const found = await loadIngestMessages(preparedStatements(context.sql), ids, budgetBytes);
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxSize: Number.MAX_SAFE_INTEGER },
  );
  return {
    async load(messageId) {
      for (;;) {
        const message = await loadRound(messageId);
        if (!message?.deferred) return message;
      }
    },
    run,
    enqueue: coalesce(
      async (items: FollowUps[]) => {
        await enqueueManyFollowUps(context, items);
        return items.map(() => undefined);
      },
      { maxSize },
    ),
  };
}

export async function processIngest(
  context: IngestContext,
  data: unknown,
  steps: IngestSteps | RunBatch = stepsAlone(context),
): Promise<IngestOutcome> {
  const use = typeof steps === "function" ? stepsAlone(context, steps) : steps;
  const { messageId } = readPayload("ingest", data);
  const prepared = await prepareMessage(context, messageId, use.load);
  const outcome = "ready" in prepared ? await use.run(prepared.ready) : prepared.done;
  const live = "ready" in prepared ? prepared.ready.live : prepared.live;
  if (outcome.status === "parsed" && outcome.live) await use.enqueue(outcome);
  if (outcome.status === "already-done" && outcome.state === "parsed" && live)
    await enqueueAgain(context, messageId, use);
  return outcome;
}

/**
 * Another attempt (or worker) got here first. If that attempt died between its commit and its
 * enqueues, enqueue again what it would have: the failures' notify jobs (deterministic job ids,
 * and the notify processor's own records, make a second one harmless) and the escalations still
 * unmarked in the outbox.
 */
async function enqueueAgain(context: IngestContext, messageId: string, steps: IngestSteps): Promise<void> {
  const failureIds = await loadMessageFailureIds(context.db, messageId);
  const escalations = await loadUnescalatedIncidentEvents(preparedStatements(context.sql), {
    rawMessageIds: [messageId],
  });
  await steps.enqueue({ failureIds, escalations });
}
