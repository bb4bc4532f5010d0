// @safetynet/ndr: raw RFC 822 bytes -> bounce report. Pure: no file or network I/O.

export { ALL_MODULES, FALLBACK, VENDOR } from "./lhost/registry.js";
export type { LhostModule, LhostResult, RawRecipient } from "./lhost/types.js";
export { NdrInputError, type ParseOptions, parseMessage, toBinary } from "./parse-message.js";
export { decideReason, type ReasonEvidence } from "./reason/decide-reason.js";
export * from "./types.js";
