// Puts a pending notice on hold for a digest; only a pending notice without a hold changes, so
// a racing job cannot move a hold that other notices already wait on.
import type { DbClient } from "./create-db-client.js";

export async function holdNotice(db: DbClient, noticeId: string, until: Date): Promise<Date> {
  await db.notice.updateMany({
    where: { id: noticeId, status: "pending", holdUntil: null },
    data: { holdUntil: until },
  });
  const row = await db.notice.findUnique({ where: { id: noticeId }, select: { holdUntil: true } });
  return row?.holdUntil ?? until;
}
