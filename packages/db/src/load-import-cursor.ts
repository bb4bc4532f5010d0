// Reads where an earlier back-fill of one source stopped (null: never started).
import type { DbClient } from "./create-db-client.js";

export async function loadImportCursor(db: DbClient, key: string) {
  return db.importCursor.findUnique({ where: { key }, select: { position: true, count: true, done: true } });
}
