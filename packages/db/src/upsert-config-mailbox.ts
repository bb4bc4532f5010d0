// Registers the run contract's IMAP_URL mailbox as a row (origin `config`) so it has sync state
// like any other. Its credentials stay in the environment: the stored URL has no password.
import type { DbClient } from "./create-db-client.js";

export interface ConfigMailbox {
  name: string;
  /** Without password. */
  url: string;
  authMethod: "password" | "xoauth2";
  markMode: "move" | "keyword" | "none";
  processedFolder: string;
}

export async function upsertConfigMailbox(db: DbClient, mailbox: ConfigMailbox): Promise<{ id: string }> {
  // Starting the process with this configuration is the operator's act after an auth failure.
  const settings = {
    url: mailbox.url,
    authMethod: mailbox.authMethod,
    markMode: mailbox.markMode,
    processedFolder: mailbox.processedFolder,
  };
  return db.mailbox.upsert({
    where: { name: mailbox.name },
    create: { name: mailbox.name, origin: "config", ...settings },
    update: { ...settings, status: "active" },
    select: { id: true },
  });
}
