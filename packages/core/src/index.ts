export * from "./app-error.js";
export * from "./domain.js";
export * from "./reasons.js";
