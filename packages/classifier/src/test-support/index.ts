// The classifier's test support for other workspaces (`@safetynet/classifier/test-support`):
// scenario streams with known answers, the NDR builder they use, and the pairwise score.
export * from "./make-dsn.js";
export * from "./pairwise.js";
export * from "./scenarios.js";
