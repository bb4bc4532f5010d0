// Back-fills from files: mbox, Maildir, folders of .eml, single messages, stdin. Resumable: a
// cursor per source records the last committed batch; an interrupted run continues after it.
import { stat } from "node:fs/promises";
import path from "node:path";
import { type DbClient, loadImportCursor, saveImportCursor } from "@safetynet/db";
import {
  detectSourceKind,
  listEmlFiles,
  listMaildirFiles,
  type MessageFile,
  readSource,
  type SourceKind,
} from "@safetynet/mail-files";
import type { Ingestor } from "../create-ingestor.js";
import { type ImportItem, importBatch } from "./import-batch.js";
import type { ImportSummary } from "./import-summary.js";
import type { ProgressReporter } from "./progress-reporter.js";

export interface FileImportDeps {
  db: DbClient;
  ingestor: Ingestor;
  progress: ProgressReporter;
  batchSize: number;
}

async function sizeOf(target: string, kind: SourceKind): Promise<number> {
  if (kind === "stdin") return 0;
  if (kind === "eml" || kind === "mbox") return (await stat(target)).size;
  const files = kind === "maildir" ? await listMaildirFiles(target) : await listEmlFiles(target);
  let total = 0;
  for (const file of files) total += (await stat(path.join(target, file))).size;
  return total;
}

/** Where to continue and how to write the position of a message, per kind of source. */
function positionOf(kind: SourceKind, root: string, message: MessageFile): string {
  if (kind === "mbox") return `${message.end}:${message.index + 1}`;
  return kind === "maildir" || kind === "eml-folder" ? path.relative(root, message.file) : "done";
}

function resumeFrom(kind: SourceKind, position: string) {
  if (kind === "mbox") {
    const [offset, index] = position.split(":").map(Number);
    return { offset: offset ?? 0, index: index ?? 0 };
  }
  return kind === "maildir" || kind === "eml-folder" ? { afterFile: position } : {};
}

export async function importFileSource(target: string, deps: FileImportDeps, summary: ImportSummary): Promise<void> {
  const kind = await detectSourceKind(target);
  const root = target === "-" ? "-" : path.resolve(target);
  const key = `${kind === "stdin" ? "stdin" : kind === "mbox" || kind === "eml" ? "file" : "dir"}:${root}`;
  // Only an interrupted run resumes; a finished source is read again and de-duplicated by hash,
  // so mail added to it since (or a file that sorts earlier) is not missed.
  const cursor = kind === "stdin" ? null : await loadImportCursor(deps.db, key);
  const resume = cursor && !cursor.done ? resumeFrom(kind, cursor.position) : {};
  const total = await sizeOf(target, kind);
  deps.progress.addTotal(total);
  const skipped = kind === "mbox" && "offset" in resume ? (resume.offset ?? 0) : 0;
  deps.progress.advance(skipped, 0);

  let batch: ImportItem[] = [];
  let batchBytes = 0;
  let count = cursor && !cursor.done ? cursor.count : 0;
  let position = cursor && !cursor.done ? cursor.position : "";
  let lastEnd = skipped;
  const flush = async () => {
    await importBatch(deps.ingestor, batch, summary);
    count += batch.length;
    if (kind !== "stdin") await saveImportCursor(deps.db, key, { position, count, done: false });
    deps.progress.advance(batchBytes, batch.length);
    batch = [];
    batchBytes = 0;
  };
  for await (const message of readSource(target, kind, { resume })) {
    const ref = kind === "mbox" ? `${message.file}#${message.index}@${message.offset}` : message.file;
    batch.push({ bytes: message.bytes, internalDate: null, importRef: ref.slice(-500) });
    batchBytes += kind === "mbox" ? message.end - lastEnd : message.bytes.length;
    lastEnd = message.end;
    position = positionOf(kind, root, message);
    if (batch.length >= deps.batchSize) await flush();
  }
  await flush();
  if (kind !== "stdin") await saveImportCursor(deps.db, key, { position, count, done: true });
}
