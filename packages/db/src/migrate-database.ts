// Applies prisma/migrations to DATABASE_URL with Prisma's offline (WebAssembly) migration
// engine, creating the database first when it does not exist yet.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * The project's prisma/ directory, found by walking up from this module: the same code runs from
 * packages/db/src (sources, tests) and bundled into apps/cli/dist (the compiled CLI), which sit at
 * different depths, so no fixed relative path fits both.
 */
function findPrismaConfig(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "prisma", "prisma.config.ts");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("prisma/prisma.config.ts not found above the safetynet code");
    dir = parent;
  }
}

function prismaCliPath(): string {
  return createRequire(import.meta.url).resolve("prisma/build/index.js");
}

export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export interface MigrateResult {
  created: boolean;
  output: string;
}

export async function migrateDatabase(databaseUrl: string): Promise<MigrateResult> {
  const created = await ensureDatabaseExists(databaseUrl);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCliPath(), "migrate", "deploy", "--config", findPrismaConfig()], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(text) : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${text}`)),
    );
  });
  return { created, output };
}
