// Gives up on notices (a 5xx, retries exhausted, or a dead worker's uncertain delivery) and
// raises one staff alert in the same transaction, so a failed notice is never silent.
import type { DbClient } from "./create-db-client.js";
import { NOTICE_ALERT_ACTOR, type NoticeAlert } from "./record-notice-alert.js";

export async function markNoticesFailed(
  db: DbClient,
  noticeIds: readonly string[],
  error: string,
  alert: NoticeAlert,
): Promise<void> {
  await db.$transaction([
    db.notice.updateMany({
      where: { id: { in: [...noticeIds] }, status: { in: ["pending", "sending"] } },
      data: { status: "failed", lastError: error.slice(0, 200) },
    }),
    db.auditEvent.createMany({
      data: [
        { id: alert.id, actor: NOTICE_ALERT_ACTOR, action: alert.action, target: alert.target, detail: alert.detail },
      ],
      skipDuplicates: true,
    }),
  ]);
}
