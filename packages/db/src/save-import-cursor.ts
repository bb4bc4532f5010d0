// Records how far a back-fill got in one source. Saved after each committed batch, so an
// interrupted import resumes after the last batch it stored (re-storing is harmless anyway).
import type { DbClient } from "./create-db-client.js";

export async function saveImportCursor(
  db: DbClient,
  key: string,
  cursor: { position: string; count: number; done: boolean },
): Promise<void> {
  await db.importCursor.upsert({ where: { key }, create: { key, ...cursor }, update: cursor });
}
