// @safetynet/ndr: raw RFC 822 bytes -> bounce report. Pure: no file or network I/O.
export * from "./types.js";
export { NdrInputError, parseMessage, toBinary, type ParseOptions } from "./parse-message.js";
export { isMbox, splitMbox } from "./mime/split-mbox.js";
export { ALL_MODULES, VENDOR, FALLBACK } from "./lhost/registry.js";
export type { LhostModule, LhostResult, RawRecipient } from "./lhost/types.js";
export { decideReason, type ReasonEvidence } from "./reason/decide-reason.js";
