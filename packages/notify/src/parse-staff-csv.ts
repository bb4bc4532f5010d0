// Parses the staff directory CSV (email, name, department, manager, active, language) that the
// CLI imports now and the API later. RFC 4180 quoting; `,` or `;` (Danish Excel) as separator.
import type { StaffEntry } from "@safetynet/core";
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

function splitRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function parseActive(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === "") return true;
  if (["true", "1", "yes", "ja", "y", "j", "active", "aktiv"].includes(v)) return true;
  if (["false", "0", "no", "nej", "n", "left", "fratrådt", "inactive"].includes(v)) return false;
  return null;
}

export function parseStaffCsv(text: string): StaffCsvResult {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = splitRecords(clean, separator);
  const header = (records.shift() ?? []).map((cell) => HEADER_ALIASES[cell.trim().toLowerCase()]);
  const errors: StaffCsvResult["errors"] = [];
  if (!header.includes("email") || !header.includes("name")) {
    return { rows: [], errors: [{ line: 1, problem: "header must name at least the columns email and name" }] };
  }
  const rows: StaffCsvRow[] = [];
  records.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const get = (key: keyof StaffCsvRow) => {
      const at = header.indexOf(key);
      return at < 0 ? "" : (cells[at] ?? "").trim();
    };
    const email = get("email").toLowerCase();
    const manager = get("managerEmail").toLowerCase();
    const active = parseActive(get("active"));
    if (!EMAIL.test(email)) return errors.push({ line, problem: "email is not an e-mail address" });
    if (!get("name")) return errors.push({ line, problem: "name is empty" });
    if (manager && !EMAIL.test(manager)) return errors.push({ line, problem: "manager is not an e-mail address" });
    if (active === null) return errors.push({ line, problem: "active must be true/false, yes/no or ja/nej" });
    rows.push({
      email,
      name: get("name"),
      department: get("department") || null,
      managerEmail: manager || null,
      active,
      language: get("language").toLowerCase().startsWith("en") ? "en" : "da",
    });
  });
  return { rows, errors };
}
