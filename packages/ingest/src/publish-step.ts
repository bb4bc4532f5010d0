// The order of effects (store, enqueue, mark, save state) announced on a node:diagnostics_channel:
// observability with no hook in the production option types. Nothing is published unless someone
// subscribes; the crash tests' own entry file does, and kills the process at the step they name.
import { channel } from "node:diagnostics_channel";

export type IngestStep = "after-store" | "after-enqueue" | "after-mark" | "after-save-state";

/** Subscribers get `{ step }` synchronously, right after the step has committed. */
export const INGEST_STEP_CHANNEL = "safetynet:ingest:step";

const steps = channel(INGEST_STEP_CHANNEL);

export function publishStep(step: IngestStep): void {
  if (steps.hasSubscribers) steps.publish({ step });
}
