export * from "./config-schema.js";
export * from "./create-configured-logger.js";
export * from "./create-logger.js";
export * from "./load-config.js";
export * from "./log-errors.js";
export * from "./root-logger.js";
