// What the notify processor needs: a database client, a notice transport and configuration
// (plus a clock and test-only crash points). Redis only for the shared relay ceiling;
// BullMQ is the adapter's business.
import type { Config, Logger } from "@safetynet/config";
import type { DbClient, SqlClient } from "@safetynet/db";
import {
  createRelayRateLimiter,
  type NoticeTransport,
  type RelayRateLimiter,
  SENDING_LEASE_MS,
  type SharedRateStore,
} from "@safetynet/notify";
import { createKeyedMutex, type KeyedMutex } from "./keyed-mutex.js";

export type NotifyConfig = Pick<
  Config,
  | "NOTICE_FROM"
  | "INTERNAL_DOMAINS"
  | "TEAM_MAILBOX"
  | "NOTICE_CONTACT"
  | "NOTICE_DIGEST_MINUTES"
  | "NOTICE_DIGEST_THRESHOLD"
  | "NOTICE_RELAY_RATE"
  | "NOTICE_ON_UNCERTAIN"
>;

export const NOTIFY_CONFIG_KEYS = [
  "NOTICE_FROM",
  "INTERNAL_DOMAINS",
  "TEAM_MAILBOX",
  "NOTICE_CONTACT",
  "NOTICE_DIGEST_MINUTES",
  "NOTICE_DIGEST_THRESHOLD",
  "NOTICE_RELAY_RATE",
  "NOTICE_ON_UNCERTAIN",
] as const satisfies readonly (keyof Config)[];

export interface NotifyDeps {
  db: DbClient;
  /** A node-postgres pool (createUtcSqlPool) for the per-notice queries. */
  sql: SqlClient;
  transport: NoticeTransport;
  config: NotifyConfig;
  logger?: Logger;
  clock?: () => Date;
  /** How long a `sending` claim is trusted to belong to a live worker (default SENDING_LEASE_MS). */
  sendingLeaseMs?: number;
  /** Where the relay ceiling is counted, shared by every worker process; in memory without it. */
  rateStore?: SharedRateStore;
  /** The relay ceiling's window (default 1 s: NOTICE_RELAY_RATE per second); tests stretch it. */
  rateWindowSeconds?: number;
  /** Test-only crash points around the SMTP transaction (the exactly-once tests kill the process here). */
  hooks?: {
    afterClaim?(): void | Promise<void>;
    /** After the DATA phase was recorded, before the first byte of the message. */
    afterDataStart?(): void | Promise<void>;
    afterAccept?(): void | Promise<void>;
  };
}

export interface NotifyContext
  extends Required<Pick<NotifyDeps, "db" | "transport" | "config" | "clock" | "sendingLeaseMs">> {
  sql: SqlClient;
  logger: Logger | undefined;
  hooks: NonNullable<NotifyDeps["hooks"]>;
  rateLimiter: RelayRateLimiter;
  /** One person's notices are recorded and decided in turn (digest counts under concurrency). */
  perPerson: KeyedMutex;
  contact: string;
}

export function createNotifyContext(deps: NotifyDeps): NotifyContext {
  return {
    db: deps.db,
    sql: deps.sql,
    transport: deps.transport,
    config: deps.config,
    clock: deps.clock ?? (() => new Date()),
    sendingLeaseMs: deps.sendingLeaseMs ?? SENDING_LEASE_MS,
    logger: deps.logger,
    hooks: deps.hooks ?? {},
    rateLimiter: createRelayRateLimiter(deps.config.NOTICE_RELAY_RATE, deps.rateStore, deps.rateWindowSeconds),
    perPerson: createKeyedMutex(),
    contact: deps.config.NOTICE_CONTACT ?? deps.config.TEAM_MAILBOX ?? deps.config.NOTICE_FROM,
  };
}

/** What one notice (or one job) came to; the BullMQ adapter turns it into delay, retry or failure. */
export type NoticeOutcome =
  | { kind: "done"; result: string }
  | { kind: "delay"; until: Date; why: string }
  | { kind: "retry"; summary: string }
  | { kind: "failed"; summary: string };
