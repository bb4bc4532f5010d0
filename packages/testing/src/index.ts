export * from "./chain-simulator.js";
export * from "./compiled-command.js";
export * from "./dovecot-user.js";
export * from "./http-receiver.js";
export * from "./redis-prefix.js";
export * from "./repo-paths.js";
export * from "./smtp-listener.js";
export * from "./test-database.js";
