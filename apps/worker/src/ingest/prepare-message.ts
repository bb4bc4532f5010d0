// Everything about one message that needs no lock: load, decrypt, parse, classify. What cannot
// be read is quarantined with the reason; the rest goes to the batch transaction. A report about
// one of our canary probes is recorded as the probe's round trip and yields no failure at all.
import { classifyReport, readNdrFacts } from "@safetynet/classifier";
import { canaryTokenOfOriginal } from "@safetynet/core";
import { type IngestMessage, quarantineRawMessage, recordCanaryReturn } from "@safetynet/db";
import { type BounceReport, parseMessage } from "@safetynet/ndr";
import { UnrecoverableError } from "bullmq";
import type { PreparedMessage } from "./group-batch.js";
import type { IngestContext, IngestOutcome } from "./ingest-context.js";
import { toNewFailure } from "./to-new-failure.js";

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500);
}

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
  let report: BounceReport;
  try {
    report = parseMessage(bytes);
  } catch (error) {
    return quarantine(context, messageId, `cannot parse: ${errorText(error)}`, live);
  }
  const probeId = canaryTokenOfOriginal(report.original);
  if (probeId) {
    // Only a failure report closes the round trip; a delay report about the probe is just kept.
    if (report.kind === "bounce") {
      const recorded = await recordCanaryReturn(context.db, {
        probeId,
        returnedAt: message.receivedAt,
        rawMessageId: messageId,
      });
      context.log.info({ messageId, probeId, recorded }, "canary NDR came back");
    }
    return { ready: { messageId, kind: CANARY_KIND, at: message.receivedAt.getTime(), live, failures: [] } };
  }
  // Event time: the NDR's own Date, as the classify command orders messages; then what we know.
  const facts = readNdrFacts(bytes);
  const at =
    facts.at ??
    (report.arrivalDate ? Date.parse(report.arrivalDate) : null) ??
    (message.internalDate ?? message.receivedAt).getTime();
  const { kind, failures } = classifyReport(report, await context.rules.get(), {
    ndrSubjectHasCpr: facts.ndrSubjectHasCpr,
  });
  // What a person watching the console follows; ids and codes only, never addresses or subjects.
  context.log.info(
    { messageId, kind, decodedBy: report.decodedBy, failed: failures.length },
    kind === "not-bounce" ? "message received: not an NDR" : "NDR received",
  );
  // One line per cause, not per recipient: a DSN naming 10,000 recipients is a handful of lines.
  const byCause = new Map<string, { reason: string; responsible: string; recipients: number }>();
  for (const failure of failures) {
    const seen = byCause.get(failure.cause);
    if (seen) seen.recipients += 1;
    else byCause.set(failure.cause, { reason: failure.reason, responsible: failure.responsible, recipients: 1 });
  }
  for (const [cause, fields] of byCause) context.log.info({ messageId, ...fields }, `classified as ${cause}`);
  return {
    ready: {
      messageId,
      kind,
      at,
      live,
      failures: failures.map((classified) => ({
        classified,
        row: toNewFailure(messageId, report, classified, at, !live),
      })),
    },
  };
}

async function quarantine(context: IngestContext, messageId: string, reason: string, live: boolean): Promise<Prepared> {
  await quarantineRawMessage(context.db, messageId, reason);
  context.log.warn({ messageId }, "message quarantined");
  return { done: { status: "quarantined", reason }, live };
}
