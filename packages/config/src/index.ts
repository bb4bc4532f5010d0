export * from "./config-schema.js";
export * from "./create-logger.js";
export * from "./load-config.js";
