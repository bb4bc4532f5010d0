// @safetynet/notify: sender notices. Pure parts (templates, composition, routing, digest and
// rate-limit decisions, loop check) plus the nodemailer SMTP transport. See ../README.md.

export * from "./build-notice-message.js";
export * from "./causes.js";
export * from "./classify-smtp-error.js";
export { composeNotice } from "./compose-notice.js";
export * from "./decide-digest.js";
export * from "./decide-routing.js";
export * from "./is-bounce-of-our-notice.js";
export * from "./notice-identity.js";
export * from "./notice-lanes.js";
export * from "./parse-staff-csv.js";
export * from "./relay-rate-limiter.js";
export { scrub } from "./scrub.js";
export * from "./smtp-transport.js";
export { templatesFor } from "./templates/index.js";
export * from "./types.js";
export * from "./watch/index.js";
