export * from "./app-error.js";
export * from "./domain.js";
export * from "./reasons.js";
export * from "./backoff.js";
export * from "./imap-sync/index.js";
export * from "./raw-message/read-message-id.js";
export * from "./raw-message/quarantine-reason.js";
