export * from "./fuzz-arbitraries.js";
export * from "./fuzz-corpus.js";
export * from "./hostile-messages.js";
