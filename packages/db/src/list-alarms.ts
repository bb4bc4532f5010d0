// Alarms for the API, the dashboard and the digest: open ones first, then the latest resolved.
import type { DbClient } from "./create-db-client.js";

export interface AlarmRow {
  id: string;
  key: string;
  kind: string;
  message: string;
  firedAt: Date;
  lastNotifiedAt: Date;
  notifications: number;
  resolvedAt: Date | null;
  resolveMessage: string | null;
}

export const ALARM_SELECT = {
  id: true,
  key: true,
  kind: true,
  message: true,
  firedAt: true,
  lastNotifiedAt: true,
  notifications: true,
  resolvedAt: true,
  resolveMessage: true,
} as const;

export async function listAlarms(db: DbClient, query: { open?: boolean; limit?: number } = {}): Promise<AlarmRow[]> {
  return db.alarm.findMany({
    where: query.open === undefined ? {} : query.open ? { resolvedAt: null } : { resolvedAt: { not: null } },
    orderBy: [{ firedAt: "desc" }],
    take: query.limit ?? 100,
    select: ALARM_SELECT,
  });
}
