// Reading message sources from files: single .eml, .eml folders, Maildir, mbox (mboxrd) and
// stdin, each message with its file, index and byte offsets so a reader can resume.

export * from "./detect-source-kind.js";
export * from "./list-message-files.js";
export * from "./read-message-files.js";
export * from "./split-mbox.js";
export * from "./types.js";
