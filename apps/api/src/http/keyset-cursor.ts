// Keyset cursors: the last row's sort value and id, opaque to clients (base64url JSON). Paging
// by key never skips or repeats a row when rows are added meanwhile, and never caps a result.
import { AppError } from "@safetynet/core";

export interface Cursor {
  sort: string;
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString("base64url");
}

export function decodeCursor(text: string, sort: string): Cursor {
  try {
    const [cursorSort, value, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (cursorSort !== sort || typeof id !== "string") throw new Error("mismatch");
    if (value !== null && typeof value !== "string" && typeof value !== "number") throw new Error("value");
    return { sort, value, id };
  } catch {
    throw new AppError("VALIDATION_FAILED", { message: "cursor is not valid for this list and sort order" });
  }
}
