// Stores one batch of back-filled messages through the shared ingestor and tallies the outcome.
import type { Ingestor } from "../create-ingestor.js";
import type { IncomingMessage } from "../prepare-raw-message.js";
import type { ImportSummary } from "./import-summary.js";

export type ImportItem = Pick<IncomingMessage, "bytes" | "internalDate" | "importRef">;

export async function importBatch(
  ingestor: Ingestor,
  items: readonly ImportItem[],
  summary: ImportSummary,
): Promise<void> {
  if (items.length === 0) return;
  const outcomes = await ingestor.ingest(
    items.map((item) => ({ ...item, source: "import" as const, mailboxId: null, uidValidity: null, uid: null })),
  );
  summary.read += outcomes.length;
  for (const outcome of outcomes) {
    if (outcome.status === "new") {
      summary.stored++;
      if (outcome.quarantined) summary.quarantined++;
    } else {
      summary.alreadyStored++;
    }
  }
}
