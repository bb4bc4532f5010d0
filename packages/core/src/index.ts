export * from "./app-error.js";
export * from "./backoff.js";
export * from "./domain.js";
export * from "./imap-sync/index.js";
export * from "./raw-message/quarantine-reason.js";
export * from "./raw-message/read-message-id.js";
export * from "./reasons.js";
