// The shared store-and-enqueue step (live poller and back-fill) and the importer built on it.
// Does I/O (PostgreSQL, Redis, IMAP); the pure decisions live in @safetynet/core.

export * from "./create-ingestor.js";
export * from "./enqueue-ingest-jobs.js";
export * from "./import/import-summary.js";
export * from "./import/progress-reporter.js";
export * from "./import/run-import.js";
export * from "./prepare-raw-message.js";
export * from "./publish-step.js";
export * from "./requeue-stored-messages.js";
