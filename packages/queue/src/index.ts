export * from "./enqueue-webhook-attempt.js";
export * from "./job-catalog.js";
export * from "./queue-factory.js";
export * from "./redis-connection.js";
