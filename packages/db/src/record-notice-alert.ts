// Alerts staff about notices that need a person (permanent SMTP failure, a delivery left
// uncertain by a dead worker, a bounce of a notice, nobody to tell) as AuditEvent rows, action
// `notice.*`. A deterministic id makes the alert once-only across retried and sibling jobs.
import type { DbClient } from "./create-db-client.js";

export type NoticeAlertAction =
  | "notice.failed"
  | "notice.uncertain"
  | "notice.possible-duplicate"
  | "notice.bounced"
  | "notice.unrouted";

export interface NoticeAlert {
  id: string;
  action: NoticeAlertAction;
  /** The notice (or raw message) the alert is about. */
  target: string;
  /** Ids and codes only: never addresses, subjects or text. */
  detail: Record<string, string | number | string[] | null>;
}

export const NOTICE_ALERT_ACTOR = "safetynet:notify";

export async function recordNoticeAlert(db: DbClient, alert: NoticeAlert): Promise<void> {
  await db.auditEvent.createMany({
    data: [
      { id: alert.id, actor: NOTICE_ALERT_ACTOR, action: alert.action, target: alert.target, detail: alert.detail },
    ],
    skipDuplicates: true,
  });
}
