// Everything about one message that needs no lock: load, decrypt, parse, classify. What cannot
// be read is quarantined with the reason; the rest goes to the batch transaction. A report about
// one of our canary probes is recorded as the probe's round trip and yields no failure at all.
import { type IngestMessage, quarantineRawMessage, recordCanaryReturn } from "@safetynet/db";
import { UnrecoverableError } from "bullmq";
import type { PreparedMessage } from "./group-batch.js";
import type { IngestContext, IngestOutcome } from "./ingest-context.js";
import { errorText, readReport } from "./read-report.js";

/** The quarantine reason of a message the parser finds no report in. */
export const NOT_A_REPORT =
  "not a delivery report: no delivery-status part and no known bounce format (send it to ingest again after a parser fix)";

/** RawMessage.kind of a report about a canary probe (never a failure, notice or report figure). */
export const CANARY_KIND = "canary";

export type Prepared = { ready: PreparedMessage } | { done: IngestOutcome; live: boolean };

export async function prepareMessage(
  context: IngestContext,
  messageId: string,
  load: (id: string) => Promise<IngestMessage | null>,
): Promise<Prepared> {
  const message = await load(messageId);
  if (!message) throw new UnrecoverableError(`raw message ${messageId} does not exist`);
  const live = message.source === "live";
  if (message.state !== "stored") return { done: { status: "already-done", state: message.state }, live };
  let bytes: Buffer;
  try {
    bytes = context.cipher.decrypt(message.encrypted);
  } catch (error) {
    return quarantine(
      context,
      messageId,
      `cannot decrypt (is SAFETYNET_KEY the key it was stored with?): ${errorText(error)}`,
      live,
    );
  }
  const input = {
    messageId,
    bytes,
    live,
    fallbackAt: (message.internalDate ?? message.receivedAt).getTime(),
  };
  const rules = await context.rules.get();
  const read = context.reports ? await context.reports.read(input, rules) : readReport(input, rules);
  if (read.outcome === "unreadable") return quarantine(context, messageId, read.reason, live);
  if (read.outcome === "canary") {
    // Only a failure report closes the round trip; a delay report about the probe is just kept.
    if (read.isBounce) {
      const recorded = await recordCanaryReturn(context.db, {
        probeId: read.probeId,
        returnedAt: message.receivedAt,
        rawMessageId: messageId,
      });
      context.log.info({ messageId, probeId: read.probeId, recorded }, "canary NDR came back");
    }
    return { ready: { messageId, kind: CANARY_KIND, at: message.receivedAt.getTime(), live, failures: [] } };
  }
  const { kind, at, failures } = read;
  // A message that is no report at all may be a bounce in a format the parser does not know yet:
  // in this mailbox, staff must see it, so it waits in quarantine to be read again after a fix.
  if (kind === "not-bounce") return quarantine(context, messageId, NOT_A_REPORT, live);
  // What a person watching the console follows; ids and codes only, never addresses or subjects.
  context.log.info(
    { messageId, kind, decodedBy: read.decodedBy, failed: failures.length },
    kind === "not-bounce" ? "message received: not an NDR" : "NDR received",
  );
  // One line per cause, not per recipient: a DSN naming 10,000 recipients is a handful of lines.
  const byCause = new Map<string, { reason: string; responsible: string; recipients: number }>();
  for (const { classified } of failures) {
    const seen = byCause.get(classified.cause);
    if (seen) seen.recipients += 1;
    else
      byCause.set(classified.cause, { reason: classified.reason, responsible: classified.responsible, recipients: 1 });
  }
  for (const [cause, fields] of byCause) context.log.info({ messageId, ...fields }, `classified as ${cause}`);
  return { ready: { messageId, kind, at, live, failures } };
}

async function quarantine(context: IngestContext, messageId: string, reason: string, live: boolean): Promise<Prepared> {
  await quarantineRawMessage(context.db, messageId, reason);
  context.log.warn({ messageId }, "message quarantined");
  return { done: { status: "quarantined", reason }, live };
}
