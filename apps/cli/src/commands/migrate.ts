// `safetynet migrate`: creates the database when missing and applies every pending migration.
import { loadConfig } from "@safetynet/config";
import { migrateDatabase } from "@safetynet/db";

export async function run(): Promise<number> {
  const { DATABASE_URL } = loadConfig(["DATABASE_URL"]);
  const { created, output } = await migrateDatabase(DATABASE_URL);
  const database = new URL(DATABASE_URL).pathname.slice(1);
  if (created) process.stdout.write(`created database ${database}\n`);
  const applied = output.match(/The following migration\(s\) have been applied:[\s\S]*/)?.[0];
  process.stdout.write(applied ? `${applied.trim()}\n` : `database ${database} is up to date\n`);
  return 0;
}
