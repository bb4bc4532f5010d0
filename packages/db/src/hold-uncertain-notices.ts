// NOTICE_ON_UNCERTAIN=hold: notices whose DATA phase a crash cut off are not sent again but left
// for staff (status `uncertain`, which the triage API lists), with one alert, in one transaction.
import type { DbClient } from "./create-db-client.js";
import { NOTICE_ALERT_ACTOR, type NoticeAlert } from "./record-notice-alert.js";

export async function holdUncertainNotices(
  db: DbClient,
  smtpMessageId: string,
  claimedBefore: Date,
  alert: Omit<NoticeAlert, "detail"> & { detail: NoticeAlert["detail"] },
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.notice.updateManyAndReturn({
      where: { smtpMessageId, status: "sending", claimedAt: { lt: claimedBefore }, dataStartedAt: { not: null } },
      data: { status: "uncertain", lastError: "interrupted inside DATA: delivery uncertain" },
      select: { id: true },
    });
    if (rows.length) {
      await tx.auditEvent.createMany({
        data: [
          {
            id: alert.id,
            actor: NOTICE_ALERT_ACTOR,
            action: alert.action,
            target: alert.target,
            detail: { ...alert.detail, noticeIds: rows.map((row) => row.id) },
          },
        ],
        skipDuplicates: true,
      });
    }
    return rows.map((row) => row.id);
  });
}
