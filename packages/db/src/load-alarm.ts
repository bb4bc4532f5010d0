// One alarm by id: the alarm delivery job reads what to say when it sends.
import type { DbClient } from "./create-db-client.js";
import { ALARM_SELECT, type AlarmRow } from "./list-alarms.js";

export async function loadAlarm(db: DbClient, id: string): Promise<AlarmRow | null> {
  return db.alarm.findUnique({ where: { id }, select: ALARM_SELECT });
}
