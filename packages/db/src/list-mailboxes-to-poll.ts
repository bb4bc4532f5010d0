// The mailboxes a poller process should watch: every active row (the IMAP_URL one and those
// added through the API). Paused and auth-failed rows wait for an operator.
import type { DbClient } from "./create-db-client.js";

export async function listMailboxesToPoll(db: DbClient) {
  return db.mailbox.findMany({
    where: { status: "active" },
    select: {
      id: true,
      name: true,
      url: true,
      authMethod: true,
      markMode: true,
      processedFolder: true,
      origin: true,
      credentials: true,
      updatedAt: true,
    },
    orderBy: { name: "asc" },
  });
}

export type MailboxToPoll = Awaited<ReturnType<typeof listMailboxesToPoll>>[number];
