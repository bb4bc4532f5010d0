// One transaction for a batch of prepared messages: lock them (a message another worker finished
// is skipped), group their failures, mark them parsed. One commit and one lock round per batch is
// what lets a worker keep up with a storm of NDRs from one fault.
import { lockRawMessages, markMessagesParsed, withSqlTransaction } from "@safetynet/db";
import { groupBatch, type PreparedMessage } from "./group-batch.js";
import type { Escalation, IngestContext, IngestOutcome } from "./ingest-context.js";

export async function ingestBatch(
  context: IngestContext,
  batch: readonly PreparedMessage[],
): Promise<Map<string, IngestOutcome>> {
  // The same message twice in one batch (a stalled job run again) is grouped once.
  const messages = [...new Map(batch.map((message) => [message.messageId, message])).values()];
  const outcomes = await withSqlTransaction(context.sql, async (tx) => {
    const states = await lockRawMessages(
      tx,
      messages.map((message) => message.messageId),
    );
    const result = new Map<string, IngestOutcome>();
    const fresh = messages.filter((message) => {
      const state = states.get(message.messageId) ?? "missing";
      if (state !== "stored") result.set(message.messageId, { status: "already-done", state });
      return state === "stored";
    });
    const grouped = fresh.some((message) => message.failures.length)
      ? await groupBatch(tx, fresh, { settings: context.settings, supplierIds: context.rules.databaseSupplierIds() })
      : { failureIds: new Map<string, string[]>(), escalations: new Map<string, Escalation[]>() };
    await markMessagesParsed(
      tx,
      fresh.map((message) => ({ id: message.messageId, kind: message.kind })),
    );
    await context.hooks?.beforeCommit?.();
    for (const message of fresh) {
      result.set(message.messageId, {
        status: "parsed",
        kind: message.kind,
        failureIds: grouped.failureIds.get(message.messageId) ?? [],
        escalations: grouped.escalations.get(message.messageId) ?? [],
        live: message.live,
        sender: message.failures[0]?.row.originalSender ?? null,
      });
    }
    return result;
  });
  await context.hooks?.afterCommit?.(outcomes);
  return outcomes;
}
