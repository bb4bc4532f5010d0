// What the team and the operations webhook are told about an alarm: fired, still firing (a
// repeat) or resolved. The text is the alarm's own message (ids, counts, durations only).
import type { AlarmEvent } from "./alarm-event.js";

export type { AlarmEvent };

export interface AlarmForNotice {
  id: string;
  key: string;
  kind: string;
  message: string;
  firedAt: Date;
  resolvedAt: Date | null;
  resolveMessage: string | null;
}

const LABEL: Record<AlarmEvent, string> = { fired: "ALARM", repeated: "STILL FIRING", resolved: "RESOLVED" };

export function buildAlarmMail(
  alarm: AlarmForNotice,
  event: AlarmEvent,
  sequence: number,
): { subject: string; text: string } {
  const headline = event === "resolved" ? (alarm.resolveMessage ?? "The cause is gone.") : alarm.message;
  const subject = `[Sikkerhedsnet] ${LABEL[event]}: ${alarm.kind}${event === "repeated" ? ` (notice ${sequence})` : ""}`;
  const lines = [
    headline,
    "",
    `Alarm:    ${alarm.key}`,
    `Fired:    ${alarm.firedAt.toISOString()}`,
    ...(event === "resolved" && alarm.resolvedAt ? [`Resolved: ${alarm.resolvedAt.toISOString()}`] : []),
    ...(event === "resolved" ? ["", `It fired because: ${alarm.message}`] : []),
    "",
    event === "resolved"
      ? "Nothing more to do for this alarm."
      : "This alarm repeats until its cause is gone; then a resolution follows.",
  ];
  return { subject, text: lines.join("\n") };
}
