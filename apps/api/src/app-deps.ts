// What the API is built from: every connection is made by the caller (start(), or a test), so
// buildApp() stays apart from listen() and tests run it against their own database and prefix.
import type { Logger } from "@safetynet/config";
import type { DbClient, RawMessageCipher, TransactionPool } from "@safetynet/db";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";

export interface AppDeps {
  db: DbClient;
  /** node-postgres pool for the filtered lists and reports (UTC timestamps, value-specific plans). */
  sql: TransactionPool;
  redis: Redis;
  /** `webhooks`: one job per webhook attempt (test events and redeliveries are queued, never sent inline). */
  queues: { ingest: Queue; notify: Queue; escalate: Queue; webhooks: Queue };
  cipher: RawMessageCipher;
  /** SAFETYNET_KEY: seals the credentials of mailboxes added through the API. */
  secretKey: string;
  logger: Logger;
  /** Bootstrap admin token (ADMIN_TOKEN); none when unset. */
  adminToken?: string | undefined;
  /** Sender domains that get notices (INTERNAL_DOMAINS): the failure timeline explains a missing notice. */
  internalDomains: string[];
  /** Requests per minute per client address; false turns the limit off (benchmarks). Default 600. */
  rateLimit?: number | false;
  /** Largest accepted request body in bytes (default 1 MiB; CSV imports are the largest bodies). */
  bodyLimit?: number;
  /** Built dashboard files; null: none; omitted: found through the @safetynet/dashboard package. */
  dashboardDir?: string | null;
  /** How long a rotated-out webhook secret still signs (WEBHOOK_SECRET_GRACE_HOURS); default 24. */
  webhookSecretGraceHours?: number;
  /** The current time (tests pin it). */
  now?: () => Date;
}
