// The grouping step, pure state in and state out, shared exactly by the classify command and the
// worker: attach to the fingerprint's open incident, or open one when a trigger fires.

import { decideTrigger } from "./decide-trigger.js";
import {
  announce,
  incidentKey,
  isStillRunning,
  milestone,
  promote,
  quietPeriod,
  resolveIfQuiet,
} from "./incident-rules.js";
import { type GroupSettings, lookbackMs } from "./settings.js";
import type { GroupEffect, GroupInput, GroupResult, GroupState, IncidentState, UnattachedFailure } from "./types.js";

/** Advance time: open incidents whose hold has passed, resolve quiet ones. */
export function tickGroup(state: GroupState, now: number, settings: GroupSettings): GroupResult {
  const effects: GroupEffect[] = [];
  const before = state.latest;
  if (!before || before.status === "resolved") return { state, effects };
  let incident = promote(before, now, settings);
  incident = announce(incident, now, state.silences, effects);
  incident = resolveIfQuiet(incident, now, settings, effects);
  if (incident !== before) effects.push({ type: "incident-saved", incident, created: false });
  return { state: { ...state, latest: incident }, effects };
}

export function groupFailure(state: GroupState, input: GroupInput, settings: GroupSettings): GroupResult {
  const ticked = tickGroup(state, input.at, settings);
  const effects = ticked.effects;
  const current = ticked.state;
  // One person's mistake nobody else can make the same way (a mistyped domain): no incident.
  if (input.nature === "individual" && !input.patternable) return { state: current, effects };
  const self: UnattachedFailure = { ref: input.ref, at: input.at, sender: input.sender };
  // A late arrival (a back-fill, a slow worker) from within a resolved incident's life belongs to it.
  const latest = current.latest;
  if (latest && isStillRunning(latest, input.at, settings)) {
    const incident = attach(latest, [self], input.live, current.silences, input.at, settings, effects);
    return { state: { ...current, latest: incident }, effects };
  }
  const unattached = [
    ...current.unattached.filter((item) => item.at >= input.at - lookbackMs(input.patternable, settings)),
    self,
  ];
  const trigger = decideTrigger(input, unattached, current.baseline, settings);
  if (!trigger) return { state: { ...current, unattached }, effects };
  const members = unattached.filter((item) => item.at >= input.at - trigger.windowMs);
  const sequence = (current.latest?.sequence ?? 0) + 1;
  const opened: IncidentState = {
    key: incidentKey(input.fingerprint, sequence),
    sequence,
    fingerprint: input.fingerprint,
    fingerprintVersion: input.fingerprintVersion,
    scope: trigger.scope,
    // Patterns go to the team at once; systemic incidents wait out the group wait first.
    status: trigger.scope === "pattern" ? "open" : "pending",
    cause: input.cause,
    responsible: input.responsible,
    reportingHost: input.reportingHost,
    recipientDomain: input.recipientDomain,
    firstSeen: Math.min(...members.map((item) => item.at)),
    lastSeen: input.at,
    failureCount: 0,
    distinctSenders: 0,
    knownSenders: [],
    previousKey: current.latest?.key ?? null,
    announced: false,
    live: false,
    resolvedAt: null,
  };
  const memberRefs = new Set(members.map((item) => item.ref));
  effects.push({ type: "incident-saved", incident: opened, created: true });
  const incident = attach(opened, members, input.live, current.silences, input.at, settings, effects);
  return {
    state: { ...current, latest: incident, unattached: unattached.filter((item) => !memberRefs.has(item.ref)) },
    effects,
  };
}

function attach(
  before: IncidentState,
  failures: readonly UnattachedFailure[],
  live: boolean,
  silences: readonly number[],
  now: number,
  settings: GroupSettings,
  effects: GroupEffect[],
): IncidentState {
  const known = new Set(before.knownSenders);
  const added: { sender: string; firstSeen: number }[] = [];
  for (const failure of failures) {
    const sender = failure.sender ?? "unknown";
    if (known.has(sender)) continue;
    known.add(sender);
    added.push({ sender, firstSeen: failure.at });
  }
  let incident: IncidentState = {
    ...before,
    firstSeen: Math.min(before.firstSeen, ...failures.map((item) => item.at)),
    lastSeen: Math.max(before.lastSeen, ...failures.map((item) => item.at)),
    failureCount: before.failureCount + failures.length,
    distinctSenders: before.distinctSenders + added.length,
    knownSenders: [...known],
    live: before.live || live,
  };
  if (incident.status === "resolved")
    incident.resolvedAt = Math.max(incident.resolvedAt ?? 0, incident.lastSeen + quietPeriod(incident, settings));
  incident = announce(promote(incident, now, settings), now, silences, effects);
  const mark = incident.announced ? milestone(before.failureCount, incident.failureCount, settings) : null;
  if (mark !== null && before.announced)
    effects.push({ type: "escalate", incidentKey: incident.key, event: "incident.updated", sequence: mark });
  effects.push({ type: "failures-attached", incidentKey: incident.key, refs: failures.map((item) => item.ref) });
  if (added.length) effects.push({ type: "senders-added", incidentKey: incident.key, senders: added });
  effects.push({ type: "incident-saved", incident, created: false });
  return incident;
}
