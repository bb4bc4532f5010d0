export * from "./repo-paths.js";
export * from "./test-database.js";
export * from "./redis-prefix.js";
export * from "./dovecot-user.js";
export * from "./smtp-listener.js";
export * from "./http-receiver.js";
