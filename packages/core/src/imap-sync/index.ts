// Pure IMAP sync decisions: what a pass must read, UID set arithmetic, URL and login-error reading.

export * from "./auth-failure.js";
export * from "./decide-sync.js";
export * from "./imap-url.js";
export * from "./uid-sets.js";
