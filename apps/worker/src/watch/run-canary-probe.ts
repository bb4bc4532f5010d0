// The scheduled canary job: one probe through CANARY_SMTP_URL. Nothing to do without CANARY_TO.
import { sendCanaryProbe } from "@safetynet/canary";
import type { WatchContext } from "./watch-context.js";

export async function runCanaryProbe(context: WatchContext): Promise<string> {
  if (!context.config.CANARY_TO) return "canary off: CANARY_TO is not set";
  const probe = await sendCanaryProbe(context.db, context.config, { origin: "schedule", now: context.clock() });
  context.log.info({ probeId: probe.probeId }, "canary probe sent");
  return probe.probeId;
}
