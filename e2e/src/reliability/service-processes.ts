// The product as an operator runs it: `safetynet start poller` and `safetynet start worker` as
// separate processes of the compiled command, with the run contract's environment. Each process
// logs to its own file (kept with the run's folder), and can be SIGKILLed and started again.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { SAFETYNET_BIN } from "@safetynet/testing";

export type Component = "poller" | "worker";

export interface ServiceProcesses {
  start(component: Component): void;
  /** SIGKILL: no shutdown hook runs, as when the machine or the OOM killer takes the process. */
  kill(component: Component): Promise<void>;
  /** Every line the component's processes wrote so far (all generations). */
  log(component: Component): string;
  /** Processes that exited without being killed by the run (a crash the run did not cause). */
  unexpectedExits(): string[];
  stopAll(): Promise<void>;
}

export function createServiceProcesses(env: Record<string, string>, logDir: string): ServiceProcesses {
  const running = new Map<Component, ChildProcess>();
  const killed = new Set<ChildProcess>();
  const unexpected: string[] = [];
  const logFile = (component: Component) => path.join(logDir, `${component}.log`);
  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
    });
  const handle: ServiceProcesses = {
    start(component) {
      const fd = openSync(logFile(component), "a");
      const child = spawn(process.execPath, [SAFETYNET_BIN, "start", component], {
        cwd: logDir,
        env: { PATH: process.env.PATH ?? "", ...env },
        stdio: ["ignore", fd, fd],
      });
      closeSync(fd);
      child.once("exit", (code, signal) => {
        if (!killed.has(child)) unexpected.push(`${component} exited (code ${code}, signal ${signal})`);
      });
      running.set(component, child);
    },
    async kill(component) {
      const child = running.get(component);
      if (!child) return;
      killed.add(child);
      child.kill("SIGKILL");
      await exited(child);
      running.delete(component);
    },
    log(component) {
      try {
        return readFileSync(logFile(component), "utf8");
      } catch {
        return "";
      }
    },
    unexpectedExits: () => [...unexpected],
    async stopAll() {
      await Promise.all([...running.keys()].map((component) => handle.kill(component)));
    },
  };
  return handle;
}
