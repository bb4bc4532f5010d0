// Parses the staff directory CSV (email, name, department, manager, active, language) that the
// CLI imports now and the API later. RFC 4180 quoting (csv-parse); `,` or `;` (Danish Excel) as separator.
import type { StaffEntry } from "@safetynet/core";
import { CsvError, parse } from "csv-parse/sync";
export type StaffCsvRow = StaffEntry;

export interface StaffCsvResult {
  rows: StaffCsvRow[];
  /** Line number (1-based) and what is wrong; no cell values, which are personal data. */
  errors: { line: number; problem: string }[];
}

const HEADER_ALIASES: Record<string, keyof StaffCsvRow> = {
  email: "email",
  "e-mail": "email",
  mail: "email",
  name: "name",
  navn: "name",
  department: "department",
  afdeling: "department",
  manager: "managerEmail",
  manageremail: "managerEmail",
  leder: "managerEmail",
  active: "active",
  aktiv: "active",
  language: "language",
  sprog: "language",
};

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

interface CsvRecord {
  cells: string[];
  /** 1-based line the record starts on (a quoted cell may span lines). */
  line: number;
}

/** Records with their first line, or the line and kind of the first CSV syntax error. */
function readRecords(text: string, separator: string): CsvRecord[] | { line: number; problem: string } {
  // One line break form, so that csv-parse's line count is exact (CRLF inside a quoted cell
  // would otherwise count twice).
  const normalized = text.replace(/\r\n?/g, "\n");
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with its position.
    parsed = parse(normalized, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse's message may quote the cell; name only where and what.
    return { line: typeof error.lines === "number" ? error.lines : 1, problem: `not valid CSV (${error.code})` };
  }
  return parsed.map(({ record, info }) => {
    const breaksInside = record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    return { cells: record, line: info.lines - breaksInside };
  });
}

function parseActive(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === "") return true;
  if (["true", "1", "yes", "ja", "y", "j", "active", "aktiv"].includes(v)) return true;
  if (["false", "0", "no", "nej", "n", "left", "fratrådt", "inactive"].includes(v)) return false;
  return null;
}

/** What is wrong with a row, without its values (they are personal data); null when nothing. */
function problemOf(email: string, name: string, manager: string, active: boolean | null): string | null {
  if (!EMAIL.test(email)) return "email is not an e-mail address";
  if (!name) return "name is empty";
  if (manager && !EMAIL.test(manager)) return "manager is not an e-mail address";
  if (active === null) return "active must be true/false, yes/no or ja/nej";
  return null;
}

export function parseStaffCsv(text: string): StaffCsvResult {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = readRecords(clean, separator);
  if (!Array.isArray(records)) return { rows: [], errors: [records] };
  const header = (records.shift()?.cells ?? []).map((cell) => HEADER_ALIASES[cell.trim().toLowerCase()]);
  const errors: StaffCsvResult["errors"] = [];
  if (!header.includes("email") || !header.includes("name")) {
    return { rows: [], errors: [{ line: 1, problem: "header must name at least the columns email and name" }] };
  }
  const rows: StaffCsvRow[] = [];
  for (const { cells, line } of records) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const get = (key: keyof StaffCsvRow) => {
      const at = header.indexOf(key);
      return at < 0 ? "" : (cells[at] ?? "").trim();
    };
    const email = get("email").toLowerCase();
    const manager = get("managerEmail").toLowerCase();
    const active = parseActive(get("active"));
    const problem = problemOf(email, get("name"), manager, active);
    if (problem !== null || active === null) {
      errors.push({ line, problem: problem ?? "active is missing" });
      continue;
    }
    rows.push({
      email,
      name: get("name"),
      department: get("department") || null,
      managerEmail: manager || null,
      active,
      language: get("language").toLowerCase().startsWith("en") ? "en" : "da",
    });
  }
  return { rows, errors };
}
