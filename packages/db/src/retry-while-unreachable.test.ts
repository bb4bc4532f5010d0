import { createLogger } from "@safetynet/config";
import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable, retryWhileUnreachable } from "./retry-while-unreachable.js";

const log = createLogger({ level: "silent" });

describe("retryWhileUnreachable", () => {
  it("tells an unreachable server from other errors, through causes", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("x"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("x"), { errorCode: "P1001" }))).toBe(true);
    expect(isDatabaseUnreachable(new Error("the database system is starting up"))).toBe(true);
    expect(isDatabaseUnreachable(new Error("wrapped", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(isDatabaseUnreachable(new Error('password authentication failed for user "postgres"'))).toBe(false);
    expect(isDatabaseUnreachable(new Error('relation "Supplier" does not exist'))).toBe(false);
  });

  it("retries while the server is unreachable and returns the step's result", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryWhileUnreachable(
      "step",
      async () => {
        calls += 1;
        if (calls < 4)
          throw Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
        return "seeded";
      },
      { log, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe("seeded");
    expect(calls).toBe(4);
    expect(waits).toHaveLength(3);
    expect(waits.every((ms) => ms > 0 && ms <= 10_000)).toBe(true);
  });

  it("fails at once on any other error", async () => {
    let calls = 0;
    await expect(
      retryWhileUnreachable(
        "step",
        async () => {
          calls += 1;
          throw new Error('relation "Supplier" does not exist');
        },
        { log, sleep: async () => undefined },
      ),
    ).rejects.toThrow(/does not exist/);
    expect(calls).toBe(1);
  });
});
