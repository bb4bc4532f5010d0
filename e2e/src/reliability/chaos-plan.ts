// The chaos schedule of a run, drawn from a seeded random source so a failing run can be replayed:
// each fault once, in a random order, at random moments within the feed window, each service kept
// down for a random while. Pure: the run applies it (apply-fault.ts).
import type { Random } from "./seeded-random.js";

export const FAULTS = [
  "worker-sigkill",
  "poller-sigkill",
  "redis-restart",
  "postgres-restart",
  "dovecot-restart",
] as const;
/** Redis restarted empty (no persistence): only the poller's re-enqueue of stored messages saves them. */
export const OPTIONAL_FAULTS = ["redis-wipe"] as const;
export type Fault = (typeof FAULTS)[number] | (typeof OPTIONAL_FAULTS)[number];

export interface PlannedFault {
  fault: Fault;
  /** Milliseconds after the first NDR was delivered. */
  atMs: number;
  /** How long the service (or the killed process) stays down. */
  downMs: number;
  /** PostgreSQL's shutdown mode: `immediate` is a crash with WAL recovery at start. */
  postgresMode: "fast" | "immediate";
}

export function planChaos(random: Random, faults: readonly Fault[], windowMs: number): PlannedFault[] {
  const order = [...faults];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Between 10% and 80% of the window: mail flows before the first fault and after the last.
  const moments = order.map(() => Math.round(windowMs * (0.1 + 0.7 * random()))).sort((a, b) => a - b);
  return order.map((fault, i) => ({
    fault,
    atMs: moments[i]!,
    downMs: Math.round(300 + random() * 2_700),
    postgresMode: random() < 0.5 ? "fast" : "immediate",
  }));
}
