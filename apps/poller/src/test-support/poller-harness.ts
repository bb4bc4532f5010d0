// Test harness for the poller's integration tests: a fresh database, Redis prefix and Dovecot
// user per test, the env the poller reads, and helpers to append mail and wait for effects.

import { createLogger, type Logger } from "@safetynet/config";
import {
  createDovecotUser,
  createTestDatabase,
  createTestRedis,
  type DovecotUser,
  type TestDatabase,
  type TestRedis,
  waitForDovecotLogin,
} from "@safetynet/testing";
import { Queue } from "bullmq";
import { ImapFlow } from "imapflow";
import { type Poller, start } from "../index.js";

export const TEST_KEY = Buffer.alloc(32, 9).toString("base64");

export interface PollerTest {
  database: TestDatabase;
  redis: TestRedis;
  user: DovecotUser;
  env(overrides?: Record<string, string>): Record<string, string>;
  startPoller(overrides?: Record<string, string>, logger?: Logger): Promise<Poller>;
  imap(): Promise<ImapFlow>;
  append(messages: Buffer[], folder?: string): Promise<void>;
  jobIds(): Promise<string[]>;
  /** Messages in a folder now (-1 when it does not exist). */
  folderCount(folder: string): Promise<number>;
  cleanup(): Promise<void>;
}

export async function waitFor<T>(
  check: () => Promise<T | false | null | undefined>,
  timeoutMs = 15_000,
  what: string | (() => string) = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function setupPollerTest(user: DovecotUser = createDovecotUser()): Promise<PollerTest> {
  await waitForDovecotLogin(user);
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const pollers: Poller[] = [];
  const clients: ImapFlow[] = [];
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const env = (overrides: Record<string, string> = {}) => ({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SAFETYNET_KEY: TEST_KEY,
    IMAP_URL: user.url,
    IMAP_RESYNC_SECONDS: "30",
    IMAP_LEASE_SECONDS: "3",
    IMAP_MAILBOX_RELOAD_SECONDS: "1",
    IMAP_BACKOFF_MAX_SECONDS: "2",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...overrides,
  });
  const imap = async () => {
    const client = new ImapFlow({
      host: user.host,
      port: user.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.pass },
      logger: false,
    });
    client.on("error", () => {});
    await client.connect();
    clients.push(client);
    return client;
  };
  return {
    database,
    redis,
    user,
    env,
    async startPoller(overrides, ownLogger) {
      const poller = await start({ env: env(overrides), logger: ownLogger ?? logger, redisPrefix: redis.prefix });
      pollers.push(poller);
      return poller;
    },
    imap,
    async append(messages, folder = "INBOX") {
      const client = await imap();
      for (const message of messages) await client.append(folder, message);
      await client.logout();
    },
    async folderCount(folder) {
      const client = await imap();
      try {
        const status = await client.status(folder, { messages: true }).catch(() => false as const);
        return status ? (status.messages ?? 0) : -1;
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
    async jobIds() {
      const queue = new Queue("ingest", { connection: redis.connection(), prefix: redis.prefix });
      const jobs = await queue.getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
      await queue.close();
      return jobs.map((job) => job.id!).sort();
    },
    async cleanup() {
      await Promise.all(pollers.map((poller) => poller.stop()));
      await Promise.all(clients.map((client) => client.logout().catch(() => client.close())));
      await redis.cleanup();
      await database.drop();
    },
  };
}
