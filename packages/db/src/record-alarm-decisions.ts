// Applies the pure alarm rule to the open alarms under one lock, so two evaluations (two worker
// processes) cannot fire the same alarm twice: the open rows are read, `decide` runs, and its
// fire/repeat/resolve decisions are written in the same transaction. Returns the notifications
// to deliver, each with its sequence (1 for the firing, +1 for each repeat and the resolution).
import type { AlarmDecision, AlarmKind, OpenAlarm } from "@safetynet/core";
import type { DbClient } from "./create-db-client.js";

export type AlarmEvent = "fired" | "repeated" | "resolved";

export interface AlarmNotification {
  alarmId: string;
  event: AlarmEvent;
  sequence: number;
}

const LOCK_KEY = 0x5afe_a1a;

export async function recordAlarmDecisions(
  db: DbClient,
  decide: (open: OpenAlarm[]) => AlarmDecision[],
  now: Date,
): Promise<AlarmNotification[]> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${LOCK_KEY})) AS lock`;
    const rows = await tx.alarm.findMany({ where: { resolvedAt: null }, orderBy: { firedAt: "asc" } });
    const open: OpenAlarm[] = rows.map((row) => ({
      id: row.id,
      key: row.key,
      kind: row.kind as AlarmKind,
      firedAt: row.firedAt,
      lastNotifiedAt: row.lastNotifiedAt,
      notifications: row.notifications,
    }));
    const notifications: AlarmNotification[] = [];
    for (const decision of decide(open)) {
      if (decision.action === "fire") {
        const { key, kind, message, detail } = decision.condition;
        const created = await tx.alarm.create({
          data: { key, kind, message, detail: detail ?? {}, firedAt: now, lastNotifiedAt: now, notifications: 1 },
        });
        notifications.push({ alarmId: created.id, event: "fired", sequence: 1 });
      } else if (decision.action === "repeat") {
        const { message, detail } = decision.condition;
        const sequence = decision.alarm.notifications + 1;
        await tx.alarm.update({
          where: { id: decision.alarm.id },
          data: { message, detail: detail ?? {}, lastNotifiedAt: now, notifications: sequence },
        });
        notifications.push({ alarmId: decision.alarm.id, event: "repeated", sequence });
      } else {
        const sequence = decision.alarm.notifications + 1;
        await tx.alarm.update({
          where: { id: decision.alarm.id },
          data: { resolvedAt: now, resolveMessage: decision.message, lastNotifiedAt: now, notifications: sequence },
        });
        notifications.push({ alarmId: decision.alarm.id, event: "resolved", sequence });
      }
    }
    return notifications;
  });
}
