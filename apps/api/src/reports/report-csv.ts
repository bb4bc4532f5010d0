// Reports as CSV the way Excel in Denmark opens them: `;` between fields, a UTF-8 byte order
// mark, decimal commas, and a last row with the total. Cells come partly from outside mail (a
// department, a recipient domain), so formulas are neutralised (`=`, `+`, `-`, `@` get a leading `'`).
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

export function reportCsv(header: string[], rows: CsvCell[][], total: CsvCell[] | null): string {
  const danish = (cell: CsvCell) =>
    typeof cell === "number" && !Number.isInteger(cell) ? String(cell).replace(".", ",") : cell;
  const records = [...rows, ...(total ? [total] : [])].map((row) => row.map(danish));
  return stringify(records, {
    header: true,
    columns: header,
    delimiter: ";",
    bom: true,
    record_delimiter: "\r\n",
    escape_formulas: true,
  });
}
