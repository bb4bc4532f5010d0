// A private redis-server on its own loopback port and folder, for tests that restart Redis (the
// shared one on 6379 serves everyone else's tests). With AOF on by default, as a production Redis
// that keeps its jobs across a restart; `wipe()` while stopped makes it a Redis that lost everything.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, waitForPort } from "./free-port.js";

export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  /** SIGTERM: Redis shuts down cleanly and fsyncs the AOF. `kill: true` is SIGKILL (up to 1 s of writes lost). */
  stop(options?: { kill?: boolean }): Promise<void>;
  /** While stopped: remove the data, so the next start is an empty Redis. */
  wipe(): void;
  destroy(): Promise<void>;
}

export async function createPrivateRedis(options: { appendOnly?: boolean } = {}): Promise<PrivateRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sn-redis-"));
  const data = path.join(dir, "data");
  mkdirSync(data);
  const port = await freePort();
  let child: ChildProcess | null = null;
  const handle: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        "redis-server",
        [
          ...["--port", String(port), "--bind", "127.0.0.1", "--dir", data, "--save", ""],
          ...["--appendonly", options.appendOnly === false ? "no" : "yes", "--logfile", path.join(dir, "redis.log")],
        ],
        { stdio: "ignore" },
      );
      await waitForPort(port, true);
    },
    async stop(stopOptions = {}) {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill(stopOptions.kill ? "SIGKILL" : "SIGTERM");
      await exited;
      await waitForPort(port, false);
    },
    wipe() {
      if (child) throw new Error("wipe() needs a stopped Redis");
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data);
    },
    async destroy() {
      await handle.stop({ kill: true }).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
