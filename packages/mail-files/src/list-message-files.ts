// Lists the message files of a Maildir (cur/ and new/, never tmp/: files there are still being
// written) or of a folder of .eml files (recursively), sorted, so a resumed import sees one order.
// Mail servers' own bookkeeping files beside the messages are never messages.
import { readdir } from "node:fs/promises";
import path from "node:path";

// Dovecot (dovecot-uidlist, dovecot-keywords, dovecot.index, .index.cache, .index.log, .list.index,
// dovecot-acl...), Courier (courierimapuiddb, courierimapkeywords/, courierimapacl), Maildir++
// (maildirfolder, maildirsize) and IMAP subscription lists
const CONTROL_FILE = /^(?:dovecot[.-]|courierimap|maildirfolder$|maildirsize$|subscriptions$)/i;

/** A mail server's index or control file, not a message. */
export function isControlFile(name: string): boolean {
  return CONTROL_FILE.test(name);
}

/** A directory whose files are still being written (Maildir's tmp/) or only indexes. */
function isSkippedDirectory(relativeDir: string): boolean {
  return relativeDir.split(path.sep).some((part) => part === "tmp" || /^courierimapkeywords$/i.test(part));
}

export async function listMaildirFiles(maildir: string): Promise<string[]> {
  const files: string[] = [];
  for (const sub of ["cur", "new"]) {
    const entries = await readdir(path.join(maildir, sub), { withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isFile() && !entry.name.startsWith(".") && !isControlFile(entry.name))
        files.push(path.join(sub, entry.name));
  }
  return files.sort();
}

export async function listEmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.eml$/i.test(entry.name) && !isControlFile(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .filter((relative) => !isSkippedDirectory(path.dirname(relative)))
    .sort();
}
