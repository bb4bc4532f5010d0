// Back-fills from an IMAP folder, optionally limited to a date range (SEARCH SINCE/BEFORE on
// the internal date, RFC 3501 6.4.4). Resumable by UID; read-only: it never marks or moves mail.

import { logErrors } from "@safetynet/config";
import { chunkUids, parseImapUrl, toSequenceSet } from "@safetynet/core";
import { type DbClient, loadImportCursor, saveImportCursor } from "@safetynet/db";
import { ImapFlow } from "imapflow";
import type { Ingestor } from "../create-ingestor.js";
import { type ImportItem, importBatch } from "./import-batch.js";
import type { ImportSummary } from "./import-summary.js";
import type { ProgressReporter } from "./progress-reporter.js";

export interface ImapImportDeps {
  db: DbClient;
  ingestor: Ingestor;
  progress: ProgressReporter;
  batchSize: number;
  /** XOAUTH2 token (IMAP_ACCESS_TOKEN) when the URL carries no password. */
  accessToken?: string;
}

export interface DateRange {
  since?: Date;
  before?: Date;
}

export async function importImapFolder(
  url: string,
  range: DateRange,
  deps: ImapImportDeps,
  summary: ImportSummary,
): Promise<void> {
  const endpoint = parseImapUrl(url);
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.secure,
    ...(endpoint.secure || endpoint.startTls === "auto" ? {} : { doSTARTTLS: endpoint.startTls === "required" }),
    tls: { rejectUnauthorized: endpoint.verifyCertificate },
    auth:
      endpoint.pass === null && deps.accessToken
        ? { user: endpoint.user, accessToken: deps.accessToken }
        : { user: endpoint.user, pass: endpoint.pass ?? "" },
    logger: false,
    disableAutoIdle: true,
  });
  // An error also surfaces as a rejected command; the listener keeps a trace of it.
  logErrors(client, "imap import");
  await client.connect();
  try {
    // Read-only EXAMINE: a back-fill must not change \Seen or anything else on the server.
    const mailbox = await client.mailboxOpen(endpoint.folder, { readOnly: true });
    const rangeKey = `${range.since?.toISOString().slice(0, 10) ?? ""}..${range.before?.toISOString().slice(0, 10) ?? ""}`;
    const key = `imap:${endpoint.user}@${endpoint.host}:${endpoint.port}/${endpoint.folder}/${mailbox.uidValidity}/${rangeKey}`;
    const cursor = await loadImportCursor(deps.db, key);
    const after = cursor && !cursor.done ? Number(cursor.position) : 0;
    const query = {
      ...(range.since ? { since: range.since } : {}),
      ...(range.before ? { before: range.before } : {}),
      ...(range.since || range.before ? {} : { all: true }),
    };
    const uids = ((await client.search(query, { uid: true })) || []).sort((a, b) => a - b);
    deps.progress.addTotal(uids.length);
    const todo = uids.filter((uid) => uid > after);
    deps.progress.advance(uids.length - todo.length, 0);
    let count = cursor && !cursor.done ? cursor.count : 0;
    for (const batch of chunkUids(todo, deps.batchSize)) {
      const items: ImportItem[] = [];
      for await (const message of client.fetch(
        toSequenceSet(batch),
        { uid: true, source: true, internalDate: true },
        { uid: true },
      )) {
        const internalDate =
          message.internalDate instanceof Date
            ? message.internalDate
            : message.internalDate
              ? new Date(message.internalDate)
              : null;
        items.push({
          bytes: message.source ?? null,
          internalDate,
          importRef: `imap:${endpoint.folder}:${mailbox.uidValidity}:${message.uid}`,
        });
      }
      await importBatch(deps.ingestor, items, summary);
      count += items.length;
      await saveImportCursor(deps.db, key, { position: String(batch[batch.length - 1]), count, done: false });
      deps.progress.advance(batch.length, items.length);
    }
    await saveImportCursor(deps.db, key, { position: String(uids[uids.length - 1] ?? 0), count, done: true });
  } finally {
    await client.logout().catch(() => client.close());
  }
}
