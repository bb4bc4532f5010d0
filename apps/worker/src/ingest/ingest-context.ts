// What the ingest processor needs: the database, the cipher for raw messages, the rules, the
// grouping settings, queues for follow-up work and a logger bound to ids only.
import type { GroupSettings } from "@safetynet/classifier";
import type { Logger } from "@safetynet/config";
import type { DbClient, IncidentEventKey, RawMessageCipher, TransactionPool } from "@safetynet/db";
import type { NoticeLanes } from "@safetynet/notify";
import type { Queue } from "bullmq";
import type { RulesSource } from "../load-rules.js";
import type { ReportReader } from "./read-report-in-thread.js";

export interface IngestContext {
  db: DbClient;
  /** Plain pool for the hot path (the ingest transaction); the ORM serves the rest. */
  sql: TransactionPool;
  cipher: RawMessageCipher;
  rules: RulesSource;
  settings: GroupSettings;
  queues: { notify: Queue; escalate: Queue; webhooks: Queue };
  /** Which lane each message's notify job takes (fairness between senders); all ordinary without. */
  noticeLanes?: NoticeLanes;
  log: Logger;
  /** Reads large messages off the worker's thread; without it every message is read inline. */
  reports?: ReportReader;
  /** Crash tests only: called with a batch's transaction still open, and after its commit. */
  hooks?: {
    beforeCommit?(): void | Promise<void>;
    afterCommit?(outcomes: ReadonlyMap<string, IngestOutcome>): void | Promise<void>;
  };
}

/** One lifecycle event of an incident for the escalate queue (an outbox row until enqueued). */
export type Escalation = IncidentEventKey;

export type IngestOutcome =
  | {
      status: "parsed";
      kind: string;
      failureIds: string[];
      escalations: Escalation[];
      live: boolean;
      /** The original sender (for the notify lane), when the message reported failures. */
      sender: string | null;
    }
  | { status: "already-done"; state: string }
  | { status: "quarantined"; reason: string };
