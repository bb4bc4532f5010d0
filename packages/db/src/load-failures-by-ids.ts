// The failures a digest tells about, across original messages (a digest's notices each name
// the failures they cover in Notice.failureIds).
import type { DbClient } from "./create-db-client.js";
import type { NoticeFailureRow } from "./load-notice-context.js";

export async function loadFailuresByIds(
  db: DbClient,
  ids: readonly string[],
): Promise<(NoticeFailureRow & { rawMessageId: string })[]> {
  if (ids.length === 0) return [];
  const rows = await db.failure.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      recipient: true,
      cause: true,
      scope: true,
      originalSender: true,
      subjectMasked: true,
      originalMessageId: true,
      originalDate: true,
      failedAt: true,
      notifiedTo: true,
      rawMessageId: true,
      incident: { select: { key: true } },
    },
  });
  return rows.map(({ incident, ...row }) => ({ ...row, incidentKey: incident?.key ?? null }));
}
