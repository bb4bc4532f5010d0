export * from "./create-db-client.js";
export * from "./raw-message-cipher.js";
export * from "./migrate-database.js";
export * from "./generated/prisma/client.js";
