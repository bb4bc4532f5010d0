// @safetynet/canary: send a canary probe through the chain and wait for its NDR (the worker's
// hourly schedule and `safetynet canary` share it). See ../README.md.
export * from "./canary-settings.js";
export * from "./send-canary-probe.js";
export * from "./wait-for-canary-return.js";
