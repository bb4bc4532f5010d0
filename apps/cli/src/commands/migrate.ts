// `safetynet migrate`: creates the database when missing and applies every pending migration.
import { loadConfig } from "@safetynet/config";
import { migrateDatabase } from "@safetynet/db";
import { readArgs } from "../read-args.js";

const USAGE = `usage: safetynet migrate
Creates the database in DATABASE_URL when it is missing and applies every pending migration (offline).
`;

export async function run(args: string[]): Promise<number> {
  if (readArgs({ args, options: { help: { type: "boolean", short: "h" } } }).values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { DATABASE_URL } = loadConfig(["DATABASE_URL"]);
  const { created, output } = await migrateDatabase(DATABASE_URL);
  const database = new URL(DATABASE_URL).pathname.slice(1);
  if (created) process.stdout.write(`created database ${database}\n`);
  const applied = output.match(/The following migration\(s\) have been applied:[\s\S]*/)?.[0];
  process.stdout.write(applied ? `${applied.trim()}\n` : `database ${database} is up to date\n`);
  return 0;
}
