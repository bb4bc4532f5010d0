// Marks messages on the server once they are stored and enqueued, as the site chooses: move to
// a Processed folder, add a keyword, or leave them (some sites may not move mail).

import { toSequenceSet } from "@safetynet/core";
import type { ImapFlow } from "imapflow";
import type { MailboxSettings } from "./mailbox-settings.js";

export async function prepareMarking(client: ImapFlow, settings: MailboxSettings): Promise<void> {
  if (settings.markMode !== "move") return;
  const existing = await client.list();
  if (!existing.some((folder) => folder.path === settings.processedFolder))
    await client.mailboxCreate(settings.processedFolder);
}

export async function markMessages(
  client: ImapFlow,
  settings: MailboxSettings,
  keyword: string,
  uids: readonly number[],
): Promise<void> {
  if (uids.length === 0 || settings.markMode === "none") return;
  const set = toSequenceSet(uids);
  if (settings.markMode === "move") {
    await client.messageMove(set, settings.processedFolder, { uid: true });
  } else {
    await client.messageFlagsAdd(set, [keyword], { uid: true });
  }
}
