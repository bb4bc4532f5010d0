// One fresh database and one fresh Redis key prefix for the test file (or describe block) that
// calls this, created in beforeAll and removed in afterAll. Its own entry point (`@safetynet/testing/hooks`),
// so scripts that use the harness outside vitest (benchmarks) do not load vitest.
import { afterAll, beforeAll } from "vitest";
import { createTestRedis, type TestRedis } from "./redis-prefix.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export interface TestServices {
  /** Available inside tests and hooks that run after this helper's beforeAll. */
  readonly database: TestDatabase;
  readonly redis: TestRedis;
}

/**
 * Call it before the file's own hooks: vitest runs beforeAll hooks in order and afterAll hooks in
 * reverse (sequence.hooks "stack"), so the file's afterAll still closes its connections before
 * the keys and the database are removed.
 */
export function useTestServices(): TestServices {
  let database: TestDatabase | undefined;
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    redis = createTestRedis();
  });
  afterAll(async () => {
    await redis?.cleanup();
    await database?.drop();
  });
  const notReady = (what: string) =>
    new Error(`useTestServices: the ${what} exists only in tests and in hooks after its beforeAll`);
  return {
    get database() {
      if (!database) throw notReady("database");
      return database;
    },
    get redis() {
      if (!redis) throw notReady("Redis prefix");
      return redis;
    },
  };
}
