// Every failure a filter matches as one CSV stream (Danish Excel: BOM, `;`, CRLF), read page by
// page with the list's keyset cursor, so a large export never holds the whole result in memory.
import { Readable } from "node:stream";
import type { TransactionPool } from "@safetynet/db";
import { stringify } from "csv-stringify";
import type { FailureFilter } from "./failure-filter.js";
import { type FAILURE_SORTS, listFailures } from "./list-failures.js";

const COLUMNS = [
  "id",
  "sentAt",
  "failedAt",
  "reason",
  "cause",
  "scope",
  "outcome",
  "serious",
  "sender",
  "recipient",
  "recipientDomain",
  "subject",
  "diagnostic",
  "responsible",
  "incidentId",
  "source",
  "notifiedTo",
  "note",
] as const;

export function exportFailuresCsv(
  sql: TransactionPool,
  filter: FailureFilter,
  sort: (typeof FAILURE_SORTS)[number],
): NodeJS.ReadableStream {
  async function* rows() {
    let cursor: string | undefined;
    do {
      const page = await listFailures(sql, { filter, sort, limit: 1000, cursor, withTotal: false });
      for (const item of page.items) {
        yield COLUMNS.map((column) => {
          const value = item[column];
          return typeof value === "boolean" ? (value ? "ja" : "nej") : value;
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return Readable.from(rows()).pipe(
    stringify({
      header: true,
      columns: [...COLUMNS],
      delimiter: ";",
      bom: true,
      record_delimiter: "\r\n",
      escape_formulas: true /* subjects come from outside mail */,
    }),
  );
}
