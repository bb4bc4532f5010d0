// Decides how to read a path: stdin, a Maildir (has cur/ or new/), a folder of .eml, an mbox
// (first line is a `From ` separator) or a single message file.
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { isMbox } from "./split-mbox.js";
import type { SourceKind } from "./types.js";

async function isDirectory(target: string): Promise<boolean> {
  return stat(target).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export async function detectSourceKind(target: string): Promise<SourceKind> {
  if (target === "-") return "stdin";
  const info = await stat(target);
  if (info.isDirectory()) {
    const maildir = (await isDirectory(path.join(target, "cur"))) || (await isDirectory(path.join(target, "new")));
    return maildir ? "maildir" : "eml-folder";
  }
  const handle = await open(target, "r");
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isMbox(head.subarray(0, bytesRead)) ? "mbox" : "eml";
  } finally {
    await handle.close();
  }
}
