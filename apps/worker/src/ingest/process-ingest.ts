// The `ingest` processor: prepare the message (load, decrypt, parse, classify; quarantine what
// cannot be read), write failures and incidents in one transaction, then enqueue follow-ups.
import { loadMessageOutcome } from "@safetynet/db";
import { readPayload } from "@safetynet/queue";
import { enqueueFollowUps } from "./enqueue-follow-ups.js";
import { ingestBatch } from "./ingest-batch.js";
import type { Escalation, IngestContext, IngestOutcome } from "./ingest-context.js";
import { prepareMessage } from "./prepare-message.js";
import type { PreparedMessage } from "./group-batch.js";

/** How the transaction is run: alone (tests, a quiet mailbox) or gathered into a batch. */
export type RunBatch = (message: PreparedMessage) => Promise<IngestOutcome>;

export const runAlone = (context: IngestContext): RunBatch => async (message) => (await ingestBatch(context, [message])).get(message.messageId)!;

export async function processIngest(context: IngestContext, data: unknown, run: RunBatch = runAlone(context)): Promise<IngestOutcome> {
  const { messageId } = readPayload("ingest", data);
  const prepared = await prepareMessage(context, messageId);
  const outcome = "ready" in prepared ? await run(prepared.ready) : prepared.done;
  const live = "ready" in prepared ? prepared.ready.live : prepared.live;
  if (outcome.status === "parsed" && outcome.live) await enqueueFollowUps(context, outcome.failureIds, outcome.escalations);
  if (outcome.status === "already-done" && outcome.state === "parsed" && live) await enqueueAgain(context, messageId);
  return outcome;
}

/**
 * Another attempt (or worker) got here first. If that attempt died between its commit and its
 * enqueues, enqueue again what it would have: deterministic job ids make this a no-op otherwise.
 */
async function enqueueAgain(context: IngestContext, messageId: string): Promise<void> {
  const outcome = await loadMessageOutcome(context.db, messageId);
  const escalations: Escalation[] = outcome.incidents.flatMap((incident) => {
    if (incident.scope !== "systemic" || !incident.announced) return [];
    const opened: Escalation = { incidentId: incident.id, event: "incident.opened", sequence: 0 };
    return incident.status === "resolved" ? [opened, { incidentId: incident.id, event: "incident.resolved", sequence: 0 }] : [opened];
  });
  await enqueueFollowUps(context, outcome.failureIds, escalations);
}
