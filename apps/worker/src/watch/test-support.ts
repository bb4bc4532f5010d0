// Test support for the watch jobs: a watch over the test's database and Redis prefix with an
// injected clock and no schedulers (the test runs the jobs itself), and seeding helpers.
import { randomBytes } from "node:crypto";
import { createLogger, parseConfig } from "@safetynet/config";
import type { DbClient } from "@safetynet/db";
import type { TestServices } from "@safetynet/testing/hooks";
import { startWatch, type WatchHandle } from "./start-watch.js";
import { WATCH_CONFIG_KEYS } from "./watch-context.js";

export interface TestClock {
  now: Date;
  set(date: Date): void;
}

export function testClock(start: Date): TestClock {
  const clock = {
    now: start,
    set(date: Date) {
      clock.now = date;
    },
  };
  return clock;
}

export async function startTestWatch(
  services: TestServices,
  clock: TestClock,
  env: Record<string, string>,
  schedule = false,
): Promise<WatchHandle> {
  const config = parseConfig({ REDIS_URL: services.redis.url, ...env }, [...WATCH_CONFIG_KEYS, "REDIS_URL"]);
  return startWatch({
    db: services.database.db,
    config,
    logger: createLogger({ level: "silent" }),
    prefix: services.redis.prefix,
    clock: () => clock.now,
    schedule,
  });
}

/** Live raw messages of a mailbox received at the given times (content is never read by the watch). */
export async function seedReceived(db: DbClient, mailboxId: string, times: readonly Date[]): Promise<void> {
  await db.rawMessage.createMany({
    data: times.map((receivedAt) => ({
      mailboxId,
      source: "live" as const,
      sha256: randomBytes(32).toString("hex"),
      size: 100,
      encrypted: Buffer.from("not read"),
      receivedAt,
      state: "parsed" as const,
      kind: "bounce",
    })),
  });
}
