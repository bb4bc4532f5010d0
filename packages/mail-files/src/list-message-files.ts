// Lists the message files of a Maildir (cur/ and new/, never tmp/: files there are still being
// written) or of a folder of .eml files (recursively), sorted, so a resumed import sees one order.
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function listMaildirFiles(maildir: string): Promise<string[]> {
  const files: string[] = [];
  for (const sub of ["cur", "new"]) {
    const entries = await readdir(path.join(maildir, sub), { withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isFile() && !entry.name.startsWith(".")) files.push(path.join(sub, entry.name));
  }
  return files.sort();
}

export async function listEmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.eml$/i.test(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}
