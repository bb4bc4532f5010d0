// Schemas several routes share (one source for validation, serialization and the OpenAPI document).
import { z } from "zod";

export const idParams = z.object({ id: z.string().min(1).max(100) });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(50).describe("page size (1-1000)"),
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
};

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe("rows matching the filters, over every page"),
    nextCursor: z.string().nullable().describe("pass as ?cursor= for the next page; null on the last"),
  });
}

/** ISO timestamp in responses. */
export const isoTime = z.string().describe("ISO 8601 timestamp (UTC)");

export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** A date (YYYY-MM-DD, the whole day) or an ISO timestamp. */
export const dateOrTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: "expected an ISO date or timestamp" });

/** Start and end (exclusive) of a from/to pair: a date-only `to` includes that whole day. */
export function dateRange(from?: string, to?: string): { from: Date | null; until: Date | null } {
  const parse = (value: string, end: boolean) => {
    const date = new Date(value);
    if (end && /^\d{4}-\d{2}-\d{2}$/.test(value)) date.setUTCDate(date.getUTCDate() + 1);
    return date;
  };
  return { from: from ? parse(from, false) : null, until: to ? parse(to, true) : null };
}

export const queryBoolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
