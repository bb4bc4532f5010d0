// Test-only crash points for the order of effects: with SAFETYNET_CRASH_AT set, the process
// kills itself (SIGKILL, like `kill -9`: no cleanup, no logout) right after that step commits.
import type { PollerConfig } from "./poller-config.js";

export type CrashStep = NonNullable<PollerConfig["SAFETYNET_CRASH_AT"]>;

export function crashPoint(configured: CrashStep | undefined): (step: CrashStep) => void {
  if (!configured) return () => {};
  return (step) => {
    if (step === configured) process.kill(process.pid, "SIGKILL");
  };
}
