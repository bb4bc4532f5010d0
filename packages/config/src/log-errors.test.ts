import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger.js";
import { logErrors } from "./log-errors.js";

function setup() {
  const entries: { msg: string; component: string; error: string; repeated?: number }[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      entries.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  let now = 0;
  const emitter = new EventEmitter();
  logErrors(emitter, "redis", { logger: createLogger({ destination }), clock: () => now });
  return {
    entries,
    emitter,
    /** An error at `at` ms. */
    failAt(at: number, message = "connect ECONNREFUSED 127.0.0.1:1") {
      now = at;
      emitter.emit("error", new Error(message));
    },
  };
}

describe("logErrors", () => {
  it("logs the first error at once and repeats only with backoff, counting what it held back", () => {
    const { entries, failAt } = setup();
    // an outage: ioredis reports a failed reconnect every 200 ms for 10 s
    for (let at = 0; at <= 10_000; at += 200) failAt(at);
    expect(entries.map((entry) => entry.msg)).toEqual([
      "redis: error",
      "redis: still failing (5 errors since the last line)", // at 1.0 s
      "redis: still failing (10 errors since the last line)", // at 3.0 s (waited 2 s)
      "redis: still failing (20 errors since the last line)", // at 7.0 s (waited 4 s)
    ]);
    expect(entries[0]).toMatchObject({ component: "redis", error: "Error: connect ECONNREFUSED 127.0.0.1:1" });
    expect(entries[1]).toMatchObject({ repeated: 5 });
  });

  it("says an outage goes on even when each error comes after the wait", () => {
    const { entries, failAt } = setup();
    for (const at of [0, 1_000, 3_000]) failAt(at);
    expect(entries.map((entry) => entry.msg)).toEqual([
      "redis: error",
      "redis: still failing (1 error since the last line)",
      "redis: still failing (1 error since the last line)",
    ]);
  });

  it("starts afresh after a quiet spell longer than the longest wait", () => {
    const { entries, failAt } = setup();
    failAt(0);
    failAt(100);
    failAt(100 + 300_001);
    expect(entries.map((entry) => entry.msg)).toEqual(["redis: error", "redis: error"]);
  });

  it("logs the error's first line only", () => {
    const { entries, failAt } = setup();
    failAt(0, "first line\n    at stack frame");
    expect(entries[0]!.error).toBe("Error: first line");
  });
});
