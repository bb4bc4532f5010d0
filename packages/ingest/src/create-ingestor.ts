// The ingest step shared by the poller and the importer: store the encrypted raw messages and
// commit, then enqueue `ingest` jobs. The caller marks messages on the server only afterwards.

import {
  assignRawMessageUid,
  type DbClient,
  findKnownMessageIds,
  type NewRawMessage,
  type RawMessageCipher,
  type SqlClient,
  storeRawMessages,
} from "@safetynet/db";
import type { Queue } from "bullmq";
import { enqueueIngestJobs } from "./enqueue-ingest-jobs.js";
import { type IncomingMessage, prepareRawMessage } from "./prepare-raw-message.js";
import { publishStep } from "./publish-step.js";

export interface IngestorDeps {
  db: DbClient;
  /** The batch insert goes through plain pg (binary bytea parameters). */
  sql: SqlClient;
  queue: Queue;
  cipher: RawMessageCipher;
  maxMessageBytes: number;
}

export interface IngestOutcome {
  id: string;
  /** `new`: stored now; `known`: same content stored earlier; `matched`: same Message-ID after a reset. */
  status: "new" | "known" | "matched";
  quarantined: boolean;
}

export interface IngestOptions {
  /** After a UIDVALIDITY change: also treat a stored Message-ID of this mailbox as "already stored". */
  matchMessageIds?: { mailboxId: string };
}

export interface Ingestor {
  ingest(messages: readonly IncomingMessage[], options?: IngestOptions): Promise<IngestOutcome[]>;
}

export function createIngestor(deps: IngestorDeps): Ingestor {
  async function matchByMessageId(rows: NewRawMessage[], mailboxId: string): Promise<Map<number, string>> {
    const known = await findKnownMessageIds(
      deps.db,
      mailboxId,
      rows.flatMap((row) => (row.messageIdHeader ? [row.messageIdHeader] : [])),
    );
    const matched = new Map<number, string>();
    for (const [index, row] of rows.entries()) {
      const existing = row.messageIdHeader ? known.get(row.messageIdHeader) : undefined;
      if (existing) matched.set(index, existing);
    }
    return matched;
  }

  return {
    async ingest(messages, options = {}) {
      const rows = messages.map((message) => prepareRawMessage(message, deps.cipher, deps.maxMessageBytes));
      const matched = options.matchMessageIds
        ? await matchByMessageId(rows, options.matchMessageIds.mailboxId)
        : new Map<number, string>();
      // One row per hash per statement: identical copies in one batch share the first one's id.
      const firstByHash = new Map<string, NewRawMessage>();
      rows.forEach((row, index) => {
        if (!matched.has(index) && !firstByHash.has(row.sha256)) firstByHash.set(row.sha256, row);
      });
      // Sorted by hash: two concurrent batches then lock conflicting rows in one order (no deadlock).
      const unique = [...firstByHash.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
      const stored = await storeRawMessages(deps.sql, unique);
      const byHash = new Map(stored.map((row) => [row.sha256, row]));
      for (const [index, id] of matched) {
        const row = rows[index]!;
        if (row.uid !== null && row.uidValidity !== null)
          await assignRawMessageUid(deps.db, id, row.uidValidity, row.uid);
      }
      publishStep("after-store");

      // Re-enqueue whatever is not parsed yet: after a crash between store and enqueue this is
      // the only path by which the message reaches the worker.
      const pending = stored.filter((row) => row.state !== "parsed").map((row) => row.id);
      await enqueueIngestJobs(deps.queue, pending);
      publishStep("after-enqueue");

      return rows.map((row, index): IngestOutcome => {
        const matchedId = matched.get(index);
        if (matchedId) return { id: matchedId, status: "matched", quarantined: false };
        const result = byHash.get(row.sha256)!;
        const isFirst = firstByHash.get(row.sha256) === row;
        return {
          id: result.id,
          status: result.inserted && isFirst ? "new" : "known",
          quarantined: result.state === "quarantined",
        };
      });
    },
  };
}
