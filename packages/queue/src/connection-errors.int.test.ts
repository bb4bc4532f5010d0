// A Redis outage leaves a trace: the error listeners of the factories' connections log the first
// error at once (at the root logger) and hold back the repeats of ioredis' reconnect attempts.
// Real ioredis and BullMQ against a loopback port where nothing listens.
import net from "node:net";
import { Writable } from "node:stream";
import { createLogger, setRootLogger } from "@safetynet/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueue } from "./queue-factory.js";
import { createRedisConnection } from "./redis-connection.js";

const entries: { component: string; error: string; msg: string }[] = [];
let closedPort = 0;

beforeAll(async () => {
  setRootLogger(
    createLogger({
      destination: new Writable({
        write(chunk, _encoding, done) {
          entries.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    }),
  );
  // A port that was free a moment ago: connecting to it is refused.
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(() => {
  entries.length = 0;
});

const ERRORS = 6;

/**
 * Waits for ERRORS errors of `emitter` and returns what `component` had logged by then (this
 * listener runs after the factory's, so the last error is already accounted for).
 */
function loggedAfterErrors(
  emitter: { on(event: "error", listener: () => void): unknown },
  component: string,
): Promise<typeof entries> {
  return new Promise((resolve) => {
    let seen = 0;
    emitter.on("error", () => {
      if (++seen === ERRORS) resolve(entries.filter((entry) => entry.component === component));
    });
  });
}

/** The first error is logged at once; fewer lines than errors, the rest counted as repeats. */
function expectOneTraceWithBackoff(logged: typeof entries, component: string): void {
  expect(logged[0]).toMatchObject({ msg: `${component}: error`, error: expect.stringMatching(/ECONNREFUSED/) });
  expect(logged.length).toBeLessThan(ERRORS);
  for (const entry of logged.slice(1)) expect(entry.msg).toMatch(new RegExp(`^${component}: still failing`));
}

describe("connection errors", () => {
  it("a Redis connection logs the outage once, then only with backoff", async () => {
    const redis = createRedisConnection(`redis://127.0.0.1:${closedPort}`);
    const logged = await loggedAfterErrors(redis, "redis");
    redis.disconnect();
    expectOneTraceWithBackoff(logged, "redis");
  });

  it("a queue logs the outage once, then only with backoff", async () => {
    const queue = createQueue("ingest", { connection: { host: "127.0.0.1", port: closedPort }, prefix: "sn-closed" });
    const logged = await loggedAfterErrors(queue, "queue ingest");
    await queue.close().catch(() => undefined);
    expectOneTraceWithBackoff(logged, "queue ingest");
  });
});
