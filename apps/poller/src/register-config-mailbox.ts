// Makes the run contract's IMAP_URL a Mailbox row (origin `config`, URL without password) and
// pauses rows left over from an earlier IMAP_URL, which no longer have credentials to log in with.

import { mailboxNameFor, parseImapUrl, publicImapUrl } from "@safetynet/core";
import { type DbClient, upsertConfigMailbox } from "@safetynet/db";
import type { PollerConfig } from "./poller-config.js";

export async function registerConfigMailbox(db: DbClient, config: PollerConfig): Promise<string | null> {
  if (!config.IMAP_URL) {
    await db.mailbox.updateMany({ where: { origin: "config", status: "active" }, data: { status: "paused" } });
    return null;
  }
  const endpoint = parseImapUrl(config.IMAP_URL);
  const name = mailboxNameFor(endpoint);
  const { id } = await upsertConfigMailbox(db, {
    name,
    url: publicImapUrl(config.IMAP_URL),
    authMethod: config.IMAP_ACCESS_TOKEN || config.IMAP_OAUTH_TOKEN_URL ? "xoauth2" : "password",
    markMode: config.IMAP_MARK,
    processedFolder: config.IMAP_PROCESSED_FOLDER,
  });
  await db.mailbox.updateMany({
    where: { origin: "config", status: "active", NOT: { id } },
    data: { status: "paused" },
  });
  return id;
}
