// `safetynet directory import FILE.csv [--deactivate-missing]`: loads the staff directory that
// decides who is told when a sender has left (packages/notify/README.md, "Routing").
import { readFile } from "node:fs/promises";
import { loadConfig } from "@safetynet/config";
import { createDbClient, importStaffDirectory } from "@safetynet/db";
import { parseStaffCsv } from "@safetynet/notify";
import { readArgs } from "../read-args.js";

const USAGE = `usage: safetynet directory import FILE.csv [--deactivate-missing]

CSV columns (header row, , or ; separated): email, name, department, manager, active, language
  active: true/false (yes/no, ja/nej; empty means true); language: da (default) or en
  --deactivate-missing  mark people absent from the file as having left
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = readArgs({
    args,
    allowPositionals: true,
    options: { "deactivate-missing": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [sub, file, ...rest] = positionals;
  if (sub !== "import" || !file || rest.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { rows, errors } = parseStaffCsv(await readFile(file, "utf8"));
  for (const error of errors) process.stderr.write(`${file}:${error.line}: ${error.problem}\n`);
  if (errors.length) {
    process.stderr.write(`directory: ${errors.length} bad row(s); nothing imported\n`);
    return 1;
  }
  const { DATABASE_URL } = loadConfig(["DATABASE_URL"]);
  const db = createDbClient(DATABASE_URL, { poolSize: 2 });
  try {
    const result = await importStaffDirectory(db, rows, { deactivateMissing: values["deactivate-missing"] === true });
    const left = rows.filter((row) => !row.active).length;
    process.stdout.write(
      `directory: imported ${result.upserted} people (${left} marked as having left)${result.deactivated ? `, ${result.deactivated} absent from the file marked as having left` : ""}\n`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}
