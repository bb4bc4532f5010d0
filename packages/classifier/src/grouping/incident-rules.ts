// Small pure rules on one incident: the key, silences, the group-wait hold, announcing to the
// supplier once, milestone updates, and auto-resolve after a quiet period.
import type { GroupSettings } from "./settings.js";
import type { GroupEffect, IncidentState } from "./types.js";

/** Stable and shown to staff: the same stream gives the same keys in the CLI and the worker. */
export function incidentKey(fingerprint: string, sequence: number): string {
  return `${fingerprint}-${sequence}`;
}

export function isSilenced(silences: readonly number[], now: number): boolean {
  return silences.some((expiresAt) => expiresAt > now);
}

export function quietPeriod(incident: Pick<IncidentState, "scope">, settings: GroupSettings): number {
  return incident.scope === "pattern" ? settings.patternQuietMs : settings.resolveQuietMs;
}

/**
 * The "still running" rule, the one place it lives (the grouping step, the worker's state loading
 * and the sweep's query all ask it): a failure at `at` joins the incident when the incident has not
 * been quiet for its quiet period by then, and, once resolved, only when it is from within its life
 * (a back-fill, a slow worker).
 */
export function isStillRunning(
  incident: Pick<IncidentState, "scope" | "status" | "lastSeen" | "resolvedAt">,
  at: number,
  settings: GroupSettings,
): boolean {
  if (at >= incident.lastSeen + quietPeriod(incident, settings)) return false;
  return incident.status !== "resolved" || at < (incident.resolvedAt ?? Number.NEGATIVE_INFINITY);
}

/**
 * When time alone changes an open incident (what the sweep looks for): a pending one whose first
 * failure is at or before `pendingFirstSeenBy` has passed its group wait; one whose last failure is
 * at or before `quietLastSeenBy[scope]` is no longer running (see isStillRunning) and resolves.
 */
export function timeChangeCutoffs(
  now: number,
  settings: GroupSettings,
): { pendingFirstSeenBy: number; quietLastSeenBy: Record<IncidentState["scope"], number> } {
  return {
    pendingFirstSeenBy: now - settings.groupWaitMs,
    quietLastSeenBy: {
      systemic: now - quietPeriod({ scope: "systemic" }, settings),
      pattern: now - quietPeriod({ scope: "pattern" }, settings),
    },
  };
}

/** Pending becomes open once the group wait has passed since the first failure. */
export function promote(incident: IncidentState, now: number, settings: GroupSettings): IncidentState {
  if (incident.status !== "pending" || now < incident.firstSeen + settings.groupWaitMs) return incident;
  return { ...incident, status: "open" };
}

/**
 * Tell the supplier once: a systemic incident that is past its hold, holds live failures and is
 * not silenced. A silence that expires while the fault goes on lets the next event announce it.
 */
export function announce(
  incident: IncidentState,
  now: number,
  silences: readonly number[],
  effects: GroupEffect[],
): IncidentState {
  if (incident.scope !== "systemic" || incident.announced || !incident.live) return incident;
  if (incident.status === "pending" || incident.status === "resolved" || isSilenced(silences, now)) return incident;
  effects.push({ type: "escalate", incidentKey: incident.key, event: "incident.opened", sequence: 0 });
  return { ...incident, announced: true };
}

export function milestone(before: number, after: number, settings: GroupSettings): number | null {
  const crossed = settings.updateMilestones.filter((mark) => before < mark && after >= mark);
  return crossed.length ? crossed[crossed.length - 1]! : null;
}

/** Resolve when quiet for long enough; the resolution time is the end of the quiet period. */
export function resolveIfQuiet(
  incident: IncidentState,
  now: number,
  settings: GroupSettings,
  effects: GroupEffect[],
): IncidentState {
  if (incident.status === "resolved" || isStillRunning(incident, now, settings)) return incident;
  const quietEnds = incident.lastSeen + quietPeriod(incident, settings);
  const resolved: IncidentState = { ...incident, status: "resolved", resolvedAt: quietEnds };
  if (resolved.announced)
    effects.push({ type: "escalate", incidentKey: resolved.key, event: "incident.resolved", sequence: 0 });
  return resolved;
}
