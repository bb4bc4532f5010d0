// What every reader in this package yields: one message's bytes and where it came from, precise
// enough for the importer to resume after the last one it stored.
export interface MessageFile {
  /** The file the message came from (`-` for stdin). */
  file: string;
  /** Position inside an mbox (0-based); 0 for single-message files. */
  index: number;
  /** The message bytes (mboxrd-unescaped for mbox). */
  bytes: Buffer;
  /** Byte offset of the message (its `From ` line in an mbox) in `file`. */
  offset: number;
  /** Byte offset just after the message: resume an mbox here. */
  end: number;
}

export type SourceKind = "eml" | "mbox" | "maildir" | "eml-folder" | "stdin";
