// The alarm rule: a firing condition without an open alarm fires once; an open alarm whose
// condition still fires repeats when ALARM_REPEAT has passed since its last notification; an open
// alarm whose condition no longer fires (or is gone: a deleted mailbox, an endpoint enabled again)
// resolves with the condition's message. Pure: state + conditions + now -> decisions.
import type { AlarmCondition, AlarmDecision, OpenAlarm } from "./types.js";

export function decideAlarms(
  open: readonly OpenAlarm[],
  conditions: readonly AlarmCondition[],
  now: Date,
  settings: { repeatMs: number },
): AlarmDecision[] {
  const openByKey = new Map(open.map((alarm) => [alarm.key, alarm]));
  const decisions: AlarmDecision[] = [];
  const seen = new Set<string>();
  for (const condition of conditions) {
    seen.add(condition.key);
    const alarm = openByKey.get(condition.key);
    if (!alarm) {
      if (condition.firing) decisions.push({ action: "fire", condition });
    } else if (!condition.firing) {
      decisions.push({ action: "resolve", alarm, message: condition.message });
    } else if (now.getTime() - alarm.lastNotifiedAt.getTime() >= settings.repeatMs) {
      decisions.push({ action: "repeat", alarm, condition });
    }
  }
  for (const alarm of open) {
    if (!seen.has(alarm.key)) {
      decisions.push({ action: "resolve", alarm, message: `The cause of this alarm (${alarm.key}) is gone.` });
    }
  }
  return decisions;
}
