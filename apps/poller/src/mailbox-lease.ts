// One active poller per mailbox across processes: a Redis lease (SET NX PX) renewed while held.
// Renew and release check the token first, so a process never extends or frees another's lease.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface MailboxLease {
  readonly key: string;
  tryAcquire(): Promise<boolean>;
  /** False when the lease was lost (expired and taken by another process). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export function createMailboxLease(redis: Redis, prefix: string, mailboxId: string, ttlMs: number): MailboxLease {
  const key = `${prefix}:poller-lease:${mailboxId}`;
  const token = randomUUID();
  return {
    key,
    async tryAcquire() {
      return (await redis.set(key, token, "PX", ttlMs, "NX")) === "OK";
    },
    async renew() {
      return Number(await redis.eval(RENEW, 1, key, token, String(ttlMs))) === 1;
    },
    async release() {
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
