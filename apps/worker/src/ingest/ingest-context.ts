// What the ingest processor needs: the database, the cipher for raw messages, the rules, the
// grouping settings, queues for follow-up work and a logger bound to ids only.
import type { GroupSettings } from "@safetynet/classifier";
import type { Logger } from "@safetynet/config";
import type { DbClient, RawMessageCipher, TransactionPool } from "@safetynet/db";
import type { Queue } from "bullmq";
import type { RulesSource } from "../load-rules.js";

export interface IngestContext {
  db: DbClient;
  /** Plain pool for the hot path (the ingest transaction); the ORM serves the rest. */
  sql: TransactionPool;
  cipher: RawMessageCipher;
  rules: RulesSource;
  settings: GroupSettings;
  queues: { notify: Queue; escalate: Queue };
  log: Logger;
}

export interface Escalation {
  incidentId: string;
  event: "incident.opened" | "incident.updated" | "incident.resolved";
  sequence: number;
}

export type IngestOutcome =
  | { status: "parsed"; kind: string; failureIds: string[]; escalations: Escalation[]; live: boolean }
  | { status: "already-done"; state: string }
  | { status: "quarantined"; reason: string };
