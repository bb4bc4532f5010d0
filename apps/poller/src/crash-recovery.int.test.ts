import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { REPO_ROOT, SAFETYNET_BIN } from "@safetynet/testing";
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { makeNdr } from "./test-support/make-ndr.js";
import { type PollerTest, setupPollerTest, waitFor } from "./test-support/poller-harness.js";

/** The poller with a crash point (test-only entry file; SAFETYNET_CRASH_AT is read only there). */
const CRASHING_POLLER = path.join(REPO_ROOT, "apps/poller/src/test-support/crashing-poller.ts");

let harness: PollerTest | undefined;
afterEach(async () => {
  await harness?.cleanup();
  harness = undefined;
});

/** Runs the crashing poller in a child process until it dies; returns the signal. */
function runPollerUntilDeath(env: Record<string, string>, timeoutMs = 30_000): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CRASHING_POLLER], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`poller did not crash within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal) resolve(signal);
      else reject(new Error(`poller exited with code ${code} instead of crashing; stderr: ${stderr}`));
    });
  });
}

describe("kill -9 at each step of the order of effects: nothing lost, nothing duplicated", () => {
  for (const step of ["after-store", "after-enqueue", "after-mark", "after-save-state"] as const) {
    it(`recovers from a crash ${step}`, async () => {
      harness = await setupPollerTest();
      const { database } = harness;
      await harness.append([makeNdr(1), makeNdr(2), makeNdr(3)]);
      const env = harness.env({
        IMAP_MARK: "move",
        IMAP_BATCH_SIZE: "2",
        REDIS_PREFIX: harness.redis.prefix,
        IMAP_LEASE_SECONDS: "1",
      });

      const signal = await runPollerUntilDeath({ ...env, SAFETYNET_CRASH_AT: step });
      expect(signal).toBe("SIGKILL");
      const afterCrash = await database.db.rawMessage.count();
      // The first batch (UIDs 1-2) was stored before the crash; the pipelined second may be too.
      expect(afterCrash).toBeGreaterThanOrEqual(2);

      await harness.startPoller({ IMAP_MARK: "move", IMAP_BATCH_SIZE: "2" });
      await waitFor(
        async () => (await harness!.folderCount("Processed")) === 3 && (await harness!.folderCount("INBOX")) === 0,
        20_000,
        "all three moved to Processed",
      );
      await waitFor(async () => (await harness!.jobIds()).length === 3, 10_000, "three jobs");

      const rows = await database.db.rawMessage.findMany({ select: { id: true, sha256: true } });
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((row) => row.sha256)).size).toBe(3);
      expect(await harness.jobIds()).toEqual(rows.map((row) => `ingest-${row.id}`).sort());
    });
  }
});

describe("graceful shutdown", () => {
  it("SIGTERM stops IDLE, logs out, releases the lease and exits 0", async () => {
    harness = await setupPollerTest();
    const env = harness.env({ REDIS_PREFIX: harness.redis.prefix, IMAP_LEASE_SECONDS: "30" });
    const child = spawn(process.execPath, [SAFETYNET_BIN, "start", "poller"], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout!.on("data", (chunk) => (stdout += chunk));
    await harness.append([makeNdr(1)]);
    await waitFor(async () => (await harness!.database.db.rawMessage.count()) === 1, 20_000, "stored by the child");
    const leaseKey = `${harness.redis.prefix}:poller-lease:${(await harness.database.db.mailbox.findFirstOrThrow()).id}`;
    const redis = harness.redis.connection();
    expect(await redis.exists(leaseKey)).toBe(1);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(stdout).toMatch(/SIGTERM: stopping poller/);
    // Released at once (not left to expire), so a standby process takes over without waiting.
    expect(await redis.exists(leaseKey)).toBe(0);
  });
});

describe("a queue that lost its jobs (Redis restarted without persistence)", () => {
  it("re-enqueues stored messages the worker has not taken yet", async () => {
    harness = await setupPollerTest();
    await harness.append([makeNdr(1), makeNdr(2)]);
    let poller = await harness.startPoller();
    await waitFor(async () => (await harness!.jobIds()).length === 2, 10_000, "jobs");
    await poller.stop();
    const queue = new Queue("ingest", { connection: harness.redis.connection(), prefix: harness.redis.prefix });
    await queue.obliterate({ force: true });
    await queue.close();
    expect(await harness.jobIds()).toHaveLength(0);
    await harness.database.db.rawMessage.updateMany({ data: { receivedAt: new Date(Date.now() - 5 * 60_000) } });
    poller = await harness.startPoller();
    await waitFor(async () => (await harness!.jobIds()).length === 2, 10_000, "jobs re-enqueued");
    const ids = (await harness.database.db.rawMessage.findMany({ select: { id: true } }))
      .map((row) => `ingest-${row.id}`)
      .sort();
    expect(await harness.jobIds()).toEqual(ids);
  });
});
