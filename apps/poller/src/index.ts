// The poller's single entry point: `start()` watches every active mailbox (IMAP_URL and API rows)
// and returns a handle whose `stop()` stops IDLE, finishes the message batch in hand and logs out.
import { createLogger, type Logger } from "@safetynet/config";
import { createDbClient, createRawMessageCipher, createUtcSqlPool, retryWhileUnreachable } from "@safetynet/db";
import { createIngestor, requeueStoredMessages } from "@safetynet/ingest";
import { createQueue, createRedisConnection } from "@safetynet/queue";
import { createAccessTokenSource } from "./oauth-token-source.js";
import { type PollerConfig, readPollerConfig } from "./poller-config.js";
import { registerConfigMailbox } from "./register-config-mailbox.js";
import { type Supervisor, startSupervisor } from "./supervisor.js";

export interface StartOptions {
  /** Configuration source; the process environment (and .env) when omitted. */
  env?: Record<string, string | undefined>;
  logger?: Logger;
  /** Redis key prefix for queues and leases; REDIS_PREFIX when omitted. */
  redisPrefix?: string;
}

export interface Poller {
  config: PollerConfig;
  /** The IMAP_URL mailbox's row id, when IMAP_URL is set. */
  configMailboxId: string | null;
  supervisor: Supervisor;
  stop(): Promise<void>;
}

export async function start(options: StartOptions = {}): Promise<Poller> {
  const config = readPollerConfig(options.env);
  const logger = (options.logger ?? createLogger({ level: config.LOG_LEVEL })).child({ component: "poller" });
  const redisPrefix = options.redisPrefix ?? config.REDIS_PREFIX;
  const db = createDbClient(config.DATABASE_URL);
  const sql = createUtcSqlPool(config.DATABASE_URL, { poolSize: 4 });
  const redis = createRedisConnection(config.REDIS_URL);
  const queue = createQueue("ingest", { connection: redis, prefix: redisPrefix });
  const ingestor = createIngestor({
    db,
    sql,
    queue,
    cipher: createRawMessageCipher(config.SAFETYNET_KEY),
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
  });
  const configMailboxId = await retryWhileUnreachable("register mailbox", () => registerConfigMailbox(db, config), {
    log: logger,
  });
  const sweep = () => requeueStoredMessages(db, queue);
  // One token source per process: every session of the IMAP_URL mailbox shares its cached token.
  const tokens =
    config.IMAP_OAUTH_TOKEN_URL && config.IMAP_OAUTH_CLIENT_ID && config.IMAP_OAUTH_CLIENT_SECRET
      ? createAccessTokenSource({
          tokenUrl: config.IMAP_OAUTH_TOKEN_URL,
          clientId: config.IMAP_OAUTH_CLIENT_ID,
          clientSecret: config.IMAP_OAUTH_CLIENT_SECRET,
          scope: config.IMAP_OAUTH_SCOPE,
        })
      : undefined;
  const supervisor = startSupervisor({
    db,
    sql,
    redis,
    redisPrefix,
    ingestor,
    config,
    log: logger,
    sweep,
    ...(tokens ? { tokens } : {}),
  });
  logger.info({ configMailbox: configMailboxId }, "poller started");

  let stopped: Promise<void> | null = null;
  return {
    config,
    configMailboxId,
    supervisor,
    stop() {
      stopped ??= (async () => {
        await supervisor.stop();
        await queue.close().catch(() => undefined);
        await redis.quit().catch(() => undefined);
        await sql.end().catch(() => undefined);
        await db.$disconnect();
        logger.info("poller stopped");
      })();
      return stopped;
    },
  };
}

export type { PollerConfig };
