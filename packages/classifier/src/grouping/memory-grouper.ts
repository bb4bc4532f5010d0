// Holds every fingerprint's grouping state in memory and applies the pure step to a stream: the
// classify command's engine, and the reference the worker's database shell must agree with.
import { groupFailure, tickGroup } from "./group-failure.js";
import { baselineRanges, type GroupSettings } from "./settings.js";
import type { GroupEffect, GroupInput, GroupState, IncidentState } from "./types.js";

interface Timed {
  at: number;
  ref: string;
}

export class MemoryGrouper {
  private readonly groups = new Map<string, GroupState>();
  /** Per fingerprint, failures outside systemic incidents, sorted by time (for the baseline). */
  private readonly history = new Map<string, Timed[]>();
  private readonly incidents = new Map<string, IncidentState>();
  private readonly assignment = new Map<string, string>();
  readonly escalations: Extract<GroupEffect, { type: "escalate" }>[] = [];
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly settings: GroupSettings,
    private readonly silences: ReadonlyMap<string, number[]> = new Map(),
  ) {}

  add(input: GroupInput): GroupEffect[] {
    this.lastAt = Math.max(this.lastAt, input.at);
    const state = this.groups.get(input.fingerprint) ?? this.emptyState(input.fingerprint);
    state.baseline = baselineRanges(input.at, this.settings).map((range) =>
      this.countBetween(input.fingerprint, range.from, range.to),
    );
    const result = groupFailure(state, input, this.settings);
    this.groups.set(input.fingerprint, result.state);
    this.remember(input.fingerprint, { at: input.at, ref: input.ref });
    this.apply(input.fingerprint, result.effects);
    return result.effects;
  }

  /** Let time pass (default: the last event plus the group wait) so holds and quiet periods play out. */
  finish(now = this.lastAt + this.settings.groupWaitMs): void {
    for (const [fingerprint, state] of this.groups) {
      const result = tickGroup(state, now, this.settings);
      this.groups.set(fingerprint, result.state);
      this.apply(fingerprint, result.effects);
    }
  }

  incidentOf(ref: string): IncidentState | null {
    const key = this.assignment.get(ref);
    return key ? (this.incidents.get(key) ?? null) : null;
  }

  allIncidents(): IncidentState[] {
    return [...this.incidents.values()];
  }

  private emptyState(fingerprint: string): GroupState {
    return { fingerprint, unattached: [], baseline: [], latest: null, silences: this.silences.get(fingerprint) ?? [] };
  }

  private apply(fingerprint: string, effects: readonly GroupEffect[]): void {
    for (const effect of effects) {
      if (effect.type === "incident-saved") this.incidents.set(effect.incident.key, effect.incident);
      else if (effect.type === "escalate") this.escalations.push(effect);
      else if (effect.type === "failures-attached") {
        for (const ref of effect.refs) this.assignment.set(ref, effect.incidentKey);
        if (this.incidents.get(effect.incidentKey)?.scope === "systemic")
          this.forget(fingerprint, new Set(effect.refs));
      }
    }
  }

  private remember(fingerprint: string, item: Timed): void {
    if (this.assignment.has(item.ref) && this.incidentOf(item.ref)?.scope === "systemic") return;
    const list = this.history.get(fingerprint) ?? [];
    let index = list.length;
    while (index > 0 && list[index - 1]!.at > item.at) index--;
    list.splice(index, 0, item);
    this.history.set(fingerprint, list);
  }

  private forget(fingerprint: string, refs: ReadonlySet<string>): void {
    const list = this.history.get(fingerprint);
    let left = refs.size;
    // Attached failures are recent, so they sit at the end: scan backwards and stop early.
    for (let index = (list?.length ?? 0) - 1; list && index >= 0 && left > 0; index--) {
      if (refs.has(list[index]!.ref)) {
        list.splice(index, 1);
        left--;
      }
    }
  }

  private countBetween(fingerprint: string, from: number, to: number): number {
    const list = this.history.get(fingerprint);
    if (!list?.length) return 0;
    return lowerBound(list, to + 1) - lowerBound(list, from);
  }
}

function lowerBound(list: readonly Timed[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
