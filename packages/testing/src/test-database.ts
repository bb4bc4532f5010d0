// A fresh PostgreSQL database per test file, cloned from a template migrated once per schema
// version (the template's name carries a hash of prisma/migrations, so it is rebuilt on change).
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "@safetynet/config";
import { createDbClient, type DbClient, migrateDatabase } from "@safetynet/db";
import pg from "pg";
import { REPO_ROOT } from "./repo-paths.js";

function serverUrl(database: string): string {
  const url = new URL(loadConfig(["DATABASE_URL"]).DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

function migrationsHash(): string {
  const dir = path.join(REPO_ROOT, "prisma/migrations");
  const hash = createHash("sha256");
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (entry.endsWith(".sql")) hash.update(entry).update(readFileSync(path.join(dir, entry)));
  }
  return hash.digest("hex").slice(0, 10);
}

export function templateDatabaseName(): string {
  return `sn_template_${migrationsHash()}`;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Build the migrated template once (serialised across concurrent test runs by an advisory lock). */
export async function prepareTemplateDatabase(): Promise<string> {
  const name = templateDatabaseName();
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock(727001)");
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await migrateDatabase(serverUrl(building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(727001)");
    }
  });
  return name;
}

export interface TestDatabase {
  name: string;
  url: string;
  db: DbClient;
  drop(): Promise<void>;
}

/** Clone the template into a new database; retry while another clone holds the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await prepareTemplateDatabase();
  const name = `sn_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(async (admin) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  const url = serverUrl(name);
  const db = createDbClient(url, { poolSize: 5 });
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
