// Supervises one mailbox: hold the lease, connect, sync, idle until new mail or the resync
// timer, reconnect with capped backoff and jitter; stop for good on an authentication failure.

import type { Logger } from "@safetynet/config";
import { backoffDelay, isPermanentAuthFailure, type LoginError } from "@safetynet/core";
import { type DbClient, markMailboxAuthFailed, recordMailboxError, type SqlClient } from "@safetynet/db";
import type { Ingestor } from "@safetynet/ingest";
import type { ImapFlow } from "imapflow";
import type { Redis } from "ioredis";
import { createImapClient } from "./create-imap-client.js";
import { createMailboxLease } from "./mailbox-lease.js";
import type { MailboxSettings } from "./mailbox-settings.js";
import { prepareMarking } from "./mark-messages.js";
import type { AccessToken, AccessTokenSource } from "./oauth-token-source.js";
import type { PollerConfig } from "./poller-config.js";
import { syncMailbox } from "./sync-mailbox.js";
import { WakeSignal } from "./wake-signal.js";

export interface RunnerDeps {
  db: DbClient;
  sql: SqlClient;
  redis: Redis;
  redisPrefix: string;
  ingestor: Ingestor;
  config: PollerConfig;
  log: Logger;
  /** Access tokens for mailboxes whose settings say `oauthClient` (IMAP_OAUTH_TOKEN_URL). */
  tokens?: AccessTokenSource;
}

export type RunnerState =
  | "waiting-for-lease"
  | "connecting"
  | "syncing"
  | "idle"
  | "backoff"
  | "auth-failed"
  | "stopped";

export interface MailboxRunner {
  readonly settings: MailboxSettings;
  state(): RunnerState;
  /** Failed sessions since the last good connection (what the backoff is counting). */
  failures(): number;
  stop(): Promise<void>;
}

function isAuthFailure(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && isPermanentAuthFailure(error as LoginError));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const extra = error as Error & { code?: string; responseText?: string };
  return [extra.code, extra.responseText ?? error.message].filter(Boolean).join(": ");
}

export function startMailboxRunner(settings: MailboxSettings, deps: RunnerDeps): MailboxRunner {
  const { config } = deps;
  const log = deps.log.child({ mailboxId: settings.id });
  // Two signals: `wake` ends lease and backoff waits (stop only); each session has its own for
  // new mail and socket close, so a late event from a dead connection cannot cut a backoff short.
  const wake = new WakeSignal();
  let sessionWake: WakeSignal | null = null;
  const leaseMs = config.IMAP_LEASE_SECONDS * 1000;
  const lease = createMailboxLease(deps.redis, deps.redisPrefix, settings.id, leaseMs);
  let state: RunnerState = "waiting-for-lease";
  let stopping = false;
  let client: ImapFlow | null = null;

  /**
   * One connection's life: returns when it closes, the lease is lost, a stop is requested, or its
   * access token is due for renewal (then `renew` is set and the next session starts at once).
   */
  async function session(): Promise<void> {
    // No login can work: fail as a refused login does (marked auth-failed, one alarm, no retries).
    if (settings.auth.missing)
      throw Object.assign(new Error(settings.auth.missing), {
        authenticationFailed: true,
        responseText: settings.auth.missing,
      });
    let token: AccessToken | null = null;
    if (settings.auth.oauthClient) {
      if (!deps.tokens) throw new Error("no OAuth2 token source configured for this mailbox");
      token = await deps.tokens.get();
    }
    const current = createImapClient(
      settings,
      { idle: config.IMAP_IDLE, pollMs: config.IMAP_RESYNC_SECONDS * 1000 },
      token?.token,
    );
    const signal = new WakeSignal();
    client = current;
    sessionWake = signal;
    let closed = false;
    current.on("error", (error: unknown) => log.warn({ error: describe(error) }, "IMAP connection error"));
    current.on("close", () => {
      closed = true;
      signal.notify();
    });
    current.on("exists", () => signal.notify());
    state = "connecting";
    await current.connect();
    retriedWithNewToken = false;
    await recordMailboxError(deps.db, settings.id, null);
    await prepareMarking(current, settings);
    await current.mailboxOpen(settings.endpoint.folder);
    log.info({ idle: config.IMAP_IDLE, markMode: settings.markMode }, "connected and watching");
    while (!stopping && !closed && current.usable) {
      state = "syncing";
      const summary = await syncMailbox({
        client: current,
        db: deps.db,
        sql: deps.sql,
        ingestor: deps.ingestor,
        settings,
        keyword: config.IMAP_KEYWORD,
        batchSize: config.IMAP_BATCH_SIZE,
        fullSyncEveryMs: config.IMAP_FULL_SYNC_SECONDS * 1000,
        maxMessageBytes: config.MAX_MESSAGE_BYTES,
        log,
        useModseq: listedEverything,
        stopping: () => stopping,
      });
      if (summary.listedAll) listedEverything = true;
      // Only a completed pass resets the backoff: a server that accepts the login and then fails
      // every pass (or a database that is down) must still be retried ever more slowly.
      attempt = 0;
      // The token's session ends before the token does: log in again with a fresh one.
      if (token && Date.now() >= token.renewAt) {
        renew = true;
        log.info("access token due for renewal: logging in again with a new one");
        break;
      }
      state = "idle";
      // imapflow enters IDLE by itself after autoIdleDelay; EXISTS, the timer or stop() wake us.
      const untilRenewal = token ? Math.max(0, token.renewAt - Date.now()) : Number.POSITIVE_INFINITY;
      await signal.wait(Math.min(config.IMAP_RESYNC_SECONDS * 1000, untilRenewal));
    }
    if (!closed) await current.logout().catch(() => current.close());
  }

  let attempt = 0;
  /** This runner has listed every UID once: later due comparisons may use HIGHESTMODSEQ. */
  let listedEverything = false;
  /** The last session ended for a token renewal, not a fault: reconnect without backoff. */
  let renew = false;
  /** A login refused with a token from the endpoint is retried once with a new token. */
  let retriedWithNewToken = false;
  async function run(): Promise<void> {
    while (!stopping) {
      if (!(await lease.tryAcquire().catch(() => false))) {
        state = "waiting-for-lease";
        await wake.wait(Math.max(200, leaseMs / 3));
        continue;
      }
      const renewTimer = setInterval(
        () => {
          lease.renew().then(
            (held) => {
              if (held || stopping) return;
              log.warn("lease lost to another process: disconnecting");
              client?.close();
            },
            (error: unknown) => log.warn({ error: describe(error) }, "lease renewal failed"),
          );
        },
        Math.max(100, leaseMs / 3),
      );
      renew = false;
      let retryNow = false;
      try {
        await session();
      } catch (error) {
        if (isAuthFailure(error) && settings.auth.oauthClient && deps.tokens && !retriedWithNewToken) {
          // The token may have been revoked or rotated early: ask for a new one, once, before alarming.
          retriedWithNewToken = true;
          retryNow = true;
          deps.tokens.invalidate();
          log.warn("login refused with the current access token: asking the token endpoint for a new one");
        } else if (isAuthFailure(error)) {
          const raised = await markMailboxAuthFailed(deps.db, settings.id, describe(error)).then(
            (first) => first,
            (dbError: unknown) => {
              log.error({ error: describe(dbError) }, "could not record the authentication failure; will retry");
              return null;
            },
          );
          if (raised !== null) {
            state = "auth-failed";
            log.error(
              { alarmRaised: raised },
              "authentication failed: mailbox marked auth-failed; not retrying until an operator acts",
            );
            return;
          }
        }
        if (!retryNow) {
          log.warn({ error: describe(error), attempt }, "IMAP session failed");
          await recordMailboxError(deps.db, settings.id, describe(error)).catch(() => undefined);
        }
      } finally {
        clearInterval(renewTimer);
        client?.close();
        client = null;
        // Release so a waiting process takes over at once instead of after the lease expires.
        await lease.release().catch(() => undefined);
      }
      if (stopping) break;
      if (renew || retryNow) continue;
      state = "backoff";
      const delay = backoffDelay(attempt++, {
        baseMs: 500,
        maxMs: config.IMAP_BACKOFF_MAX_SECONDS * 1000,
        jitter: 0.5,
      });
      log.info({ delayMs: delay, attempt }, "reconnecting after backoff");
      await wake.wait(delay);
    }
  }

  const done = run()
    .catch((error: unknown) => log.error({ error: describe(error) }, "mailbox runner stopped on an unexpected error"))
    .finally(() => {
      if (state !== "auth-failed") state = "stopped";
    });

  return {
    settings,
    state: () => state,
    failures: () => attempt,
    async stop() {
      stopping = true;
      wake.notify();
      sessionWake?.notify();
      await done;
    },
  };
}
