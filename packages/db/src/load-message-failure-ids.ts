// For a message already ingested (a retry after the commit): its failures, so the processor can
// enqueue their notify jobs again in case the first attempt died before it did.
import type { DbClient } from "./create-db-client.js";

export async function loadMessageFailureIds(db: DbClient, rawMessageId: string): Promise<string[]> {
  const failures = await db.failure.findMany({
    where: { rawMessageId },
    select: { id: true },
    orderBy: { recipientIndex: "asc" },
  });
  return failures.map((failure) => failure.id);
}
