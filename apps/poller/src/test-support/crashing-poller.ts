// Test-only entry file: the poller as `safetynet start poller` runs it, plus a crash point. With
// SAFETYNET_CRASH_AT set to a step of the order of effects, the process kills itself (SIGKILL, like
// `kill -9`: no cleanup, no logout) right after that step, which the ingest step channel announces.
// Run as: node --import tsx apps/poller/src/test-support/crashing-poller.ts
import { subscribe } from "node:diagnostics_channel";
import { INGEST_STEP_CHANNEL, type IngestStep } from "@safetynet/ingest";
import { start } from "../index.js";

// The test harness's own seam: this module is the only reader of this variable.
const crashAt = process.env.SAFETYNET_CRASH_AT as IngestStep | undefined;
if (crashAt)
  subscribe(INGEST_STEP_CHANNEL, (message) => {
    if ((message as { step: IngestStep }).step === crashAt) process.kill(process.pid, "SIGKILL");
  });

const poller = await start();
process.once("SIGTERM", () => {
  void poller.stop().then(() => process.exit(0));
});
