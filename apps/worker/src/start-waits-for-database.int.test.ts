// A worker started while PostgreSQL is down (a host reboot, a restart) waits for it rather than
// exiting: the reliability suite saw `safetynet start worker` exit 1 when its start-up step met a
// PostgreSQL in `pg_ctl stop`. A private cluster, so the shared one stays up.
import { createLogger } from "@safetynet/config";
import { createPrivatePostgres, createTestRedis, type PrivatePostgres } from "@safetynet/testing";
import { afterAll, describe, expect, it } from "vitest";
import { start, type WorkerHandle } from "./index.js";

describe("worker start while PostgreSQL is down", () => {
  let postgres: PrivatePostgres | undefined;
  let worker: WorkerHandle | undefined;
  const redis = createTestRedis();
  afterAll(async () => {
    await worker?.stop();
    await redis.cleanup();
    await postgres?.destroy();
  });

  it("waits for the database, then starts", { timeout: 60_000 }, async () => {
    postgres = await createPrivatePostgres();
    const url = await postgres.createMigratedDatabase("safetynet");
    await postgres.stop();
    const lines: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const starting = start({
      env: { DATABASE_URL: url, REDIS_URL: redis.url, SAFETYNET_KEY: Buffer.alloc(32, 3).toString("base64") },
      logger,
      redisPrefix: redis.prefix,
      sweepIntervalMs: 0,
      watch: false,
    }).then((handle) => (worker = handle));
    const deadline = Date.now() + 20_000;
    while (!lines.some((line) => line.includes("database unreachable at start"))) {
      if (Date.now() > deadline) throw new Error("the worker never reported the unreachable database");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(worker).toBeUndefined();
    await postgres.start();
    await starting;
    expect(lines.some((line) => line.includes("database reachable again"))).toBe(true);
    expect(lines.some((line) => line.includes('"worker started"'))).toBe(true);
  });
});
