// The team's side of watching the watcher: alarm mails and webhook bodies, the daily digest, the
// canary probe and a plain sender for them.
export * from "./alarm-event.js";
export * from "./build-alarm-notice.js";
export * from "./build-alarm-webhook-payload.js";
export * from "./build-canary-probe.js";
export * from "./build-daily-digest.js";
export * from "./build-plain-message.js";
export * from "./create-mail-sender.js";
export * from "./digest-window.js";
