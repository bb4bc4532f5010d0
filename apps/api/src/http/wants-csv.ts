// CSV or JSON: `?format=` decides when given, else an Accept header naming text/csv.
import type { FastifyRequest } from "fastify";
import { z } from "zod";

export const formatQuery = z
  .enum(["json", "csv"])
  .optional()
  .describe("csv: `;`-separated, UTF-8 with BOM (or send Accept: text/csv)");

export function wantsCsv(request: FastifyRequest, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  return /\btext\/csv\b/.test(request.headers.accept ?? "");
}
