// For a message already ingested (a retry after the commit): its failures and their incidents,
// so the processor can enqueue again what it may have lost; deterministic job ids dedupe it.
import type { DbClient } from "./create-db-client.js";

export interface MessageOutcome {
  failureIds: string[];
  incidents: { id: string; announced: boolean; status: string; scope: string }[];
}

export async function loadMessageOutcome(db: DbClient, rawMessageId: string): Promise<MessageOutcome> {
  const failures = await db.failure.findMany({
    where: { rawMessageId },
    select: { id: true, incident: { select: { id: true, announced: true, status: true, scope: true } } },
    orderBy: { recipientIndex: "asc" },
  });
  const incidents = new Map(failures.flatMap((failure) => (failure.incident ? [[failure.incident.id, failure.incident] as const] : [])));
  return { failureIds: failures.map((failure) => failure.id), incidents: [...incidents.values()] };
}
