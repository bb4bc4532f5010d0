// The operations webhook body for an alarm event, in the supplier webhooks' envelope
// ({id, type, timestamp, data}); `id` is also the webhook-id header, the same across retries.
import type { AlarmEvent } from "./alarm-event.js";
import type { AlarmForNotice } from "./build-alarm-notice.js";

export function buildAlarmWebhookPayload(alarm: AlarmForNotice, event: AlarmEvent, sequence: number, now: Date) {
  return {
    id: `alarm_${alarm.id}_${sequence}`,
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
