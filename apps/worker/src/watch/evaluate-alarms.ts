// The alarm job: observe (canary runs, mailboxes, queues, failed notices, disabled endpoints),
// let the pure rule decide (packages/core/src/alarms), record the decisions under a lock, then
// enqueue one notification per decision and channel (team mailbox, operations webhook).
import { type AlarmSettings, buildAlarmConditions, decideAlarms } from "@safetynet/core";
import {
  type AlarmNotification,
  countFailedNotices,
  listCanaryRuns,
  listDisabledWebhookEndpoints,
  markOverdueCanaryRuns,
  observeMailboxes,
  recordAlarmDecisions,
} from "@safetynet/db";
import { enqueue } from "@safetynet/queue";
import { observeQueues } from "./observe-queues.js";
import type { WatchContext } from "./watch-context.js";

const DAY = 86_400_000;
/** Silent for longer than this many usual gaps (learned from history). */
export const SILENCE_FACTOR = 1.5;

export function alarmSettings(config: WatchContext["config"]): AlarmSettings {
  return {
    canaryIntervalMs: config.CANARY_INTERVAL,
    canaryDeadlineMs: config.CANARY_DEADLINE,
    silenceFloorMs: config.ALARM_SILENCE_FLOOR,
    silenceFactor: SILENCE_FACTOR,
    disconnectedAfterMs: config.ALARM_DISCONNECTED_AFTER,
    queueAgeMs: config.ALARM_QUEUE_AGE,
    queueBacklog: config.ALARM_QUEUE_BACKLOG,
    repeatMs: config.ALARM_REPEAT,
  };
}

export async function evaluateAlarms(context: WatchContext, now = context.clock()): Promise<AlarmNotification[]> {
  const { db, config } = context;
  const settings = alarmSettings(config);
  await markOverdueCanaryRuns(db, new Date(now.getTime() - settings.canaryDeadlineMs));
  const [runs, mailboxes, queues, failedNotices, disabledEndpoints] = await Promise.all([
    listCanaryRuns(db, { since: new Date(now.getTime() - 2 * DAY) }),
    observeMailboxes(db, now),
    observeQueues(context.watched),
    countFailedNotices(db, new Date(now.getTime() - DAY)),
    listDisabledWebhookEndpoints(db),
  ]);
  const conditions = buildAlarmConditions(
    {
      canary: { enabled: Boolean(config.CANARY_TO), watchingSince: context.startedAt, runs },
      mailboxes,
      queues,
      failedNotices,
      disabledEndpoints,
    },
    now,
    settings,
  );
  const notifications = await recordAlarmDecisions(db, (open) => decideAlarms(open, conditions, now, settings), now);
  const channels = [
    ...(config.TEAM_MAILBOX ? (["mail"] as const) : []),
    ...(config.OPS_WEBHOOK_URL && config.OPS_WEBHOOK_SECRET ? (["webhook"] as const) : []),
  ];
  for (const notification of notifications) {
    context.log.warn({ alarmId: notification.alarmId }, `alarm ${notification.event}`);
    for (const channel of channels) await enqueue(context.maintenance, "alarmNotify", { ...notification, channel });
  }
  return notifications;
}
