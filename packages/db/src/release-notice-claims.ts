// After a temporary SMTP refusal (4xx) or a network fault the server did not accept the notice,
// so it returns to pending for the job's next attempt; the error kept is a code, never text.
import type { DbClient } from "./create-db-client.js";

/** Only this sender's claim (`claimedAt`) is released, never one a rescuer has taken over since. */
export async function releaseNoticeClaims(
  db: DbClient,
  noticeIds: readonly string[],
  claimedAt: Date,
  error: string,
): Promise<void> {
  await db.notice.updateMany({
    where: { id: { in: [...noticeIds] }, status: "sending", claimedAt },
    data: { status: "pending", claimedAt: null, dataStartedAt: null, lastError: error.slice(0, 200) },
  });
}
