// The operations webhook body for an alarm event (Standard Webhooks envelope: type, timestamp, data).
import type { AlarmEvent } from "./alarm-event.js";
import type { AlarmForNotice } from "./build-alarm-notice.js";

export function buildAlarmWebhookPayload(alarm: AlarmForNotice, event: AlarmEvent, sequence: number, now: Date) {
  return {
    type: `alarm.${event}`,
    timestamp: now.toISOString(),
    data: {
      id: alarm.id,
      key: alarm.key,
      kind: alarm.kind,
      message: event === "resolved" ? (alarm.resolveMessage ?? alarm.message) : alarm.message,
      firedAt: alarm.firedAt.toISOString(),
      resolvedAt: alarm.resolvedAt?.toISOString() ?? null,
      sequence,
    },
  };
}
