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

/**
 * Where a newest-first page (`field` descending, then `id` descending) continues after `cursor`:
 * rows strictly older, or as old with a smaller id. Nothing for the first page.
 */
export function afterNewestFirst<F extends string>(
  field: F,
  cursor: Cursor | null,
): { OR: [Record<F, { lt: Date }>, Record<F, Date> & { id: { lt: string } }] } | Record<never, never> {
  if (!cursor) return {};
  const at = new Date(String(cursor.value));
  return {
    OR: [
      { [field]: { lt: at } } as Record<F, { lt: Date }>,
      { [field]: at, id: { lt: cursor.id } } as Record<F, Date> & { id: { lt: string } },
    ],
  };
}

/**
 * A newest-first page read with `take: limit + 1`: the extra row only says that more follow, and
 * the cursor points after the last row shown.
 */
export function newestFirstPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  sort: string,
  dateOf: (row: T) => Date,
): { shown: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    shown,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ sort, value: dateOf(last).toISOString(), id: last.id }) : null,
  };
}
