// When a fingerprint without an open incident gets one: systemic by nature at once, systemic by
// count (N distinct senders in W, or a rate jump over the same-weekday baseline), or a pattern.
import type { GroupSettings } from "./settings.js";
import type { GroupInput, UnattachedFailure } from "./types.js";

export interface Trigger {
  scope: "systemic" | "pattern";
  /** Which unattached failures the new incident takes with it. */
  windowMs: number;
  rule: "nature" | "distinct-senders" | "rate-jump" | "pattern";
}

function distinctSenders(failures: readonly UnattachedFailure[]): number {
  return new Set(failures.map((item) => item.sender ?? "unknown")).size;
}

export function decideTrigger(
  input: GroupInput,
  unattached: readonly UnattachedFailure[],
  baseline: readonly number[],
  settings: GroupSettings,
): Trigger | null {
  if (input.nature === "systemic") return { scope: "systemic", windowMs: settings.windowMs, rule: "nature" };
  if (input.nature === "individual") {
    const recent = unattached.filter((item) => item.at >= input.at - settings.patternWindowMs);
    return input.patternable && distinctSenders(recent) >= settings.patternMinSenders
      ? { scope: "pattern", windowMs: settings.patternWindowMs, rule: "pattern" }
      : null;
  }
  const recent = unattached.filter((item) => item.at >= input.at - settings.windowMs);
  if (distinctSenders(recent) >= settings.minSenders)
    return { scope: "systemic", windowMs: settings.windowMs, rule: "distinct-senders" };
  const mean = baseline.length ? baseline.reduce((sum, count) => sum + count, 0) / baseline.length : 0;
  // The floor keeps a quiet fingerprint's first few failures from counting as a jump; the
  // baseline counts only failures outside systemic incidents, so a long fault never becomes normal.
  if (recent.length >= Math.max(settings.rateFloor, settings.rateFactor * mean)) {
    return { scope: "systemic", windowMs: settings.windowMs, rule: "rate-jump" };
  }
  return null;
}
