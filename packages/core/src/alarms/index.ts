// Pure alarm evaluation: observations -> conditions -> fire/repeat/resolve decisions.
export * from "./build-alarm-conditions.js";
export * from "./decide-alarms.js";
export * from "./format-duration.js";
export * from "./learn-usual-gap.js";
export * from "./types.js";
