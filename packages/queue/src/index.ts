export * from "./job-catalog.js";
export * from "./queue-factory.js";
export * from "./redis-connection.js";
