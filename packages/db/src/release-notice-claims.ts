// After a temporary SMTP refusal (4xx) or a network fault the server did not accept the notice,
// so it returns to pending for the job's next attempt; the error kept is a code, never text.
import type { DbClient } from "./create-db-client.js";

export async function releaseNoticeClaims(db: DbClient, noticeIds: readonly string[], error: string): Promise<void> {
  await db.notice.updateMany({
    where: { id: { in: [...noticeIds] }, status: "sending" },
    data: { status: "pending", claimedAt: null, lastError: error.slice(0, 200) },
  });
}
