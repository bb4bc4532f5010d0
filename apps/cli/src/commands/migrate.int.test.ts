// `safetynet migrate` end to end from the compiled CLI, run outside the repository: it creates a
// missing database and applies every migration (Prisma's CLI and config are found from dist).
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "@safetynet/config";
import { REPO_ROOT, SAFETYNET_BIN } from "@safetynet/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const name = `sn_migrate_${process.pid}_${Date.now()}`;
const cwd = mkdtempSync(path.join(tmpdir(), "sn-migrate-"));

function urlOf(database: string): string {
  const url = new URL(loadConfig(["DATABASE_URL"]).DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: urlOf("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  rmSync(cwd, { recursive: true, force: true });
});

describe("safetynet migrate (compiled)", () => {
  it("creates the database, applies every migration, then reports it up to date", async () => {
    const bin = SAFETYNET_BIN;
    const env = { ...process.env, DATABASE_URL: urlOf(name) };
    const first = await run(process.execPath, [bin, "migrate"], { cwd, env });
    expect(first.stdout).toContain(`created database ${name}`);
    expect(first.stdout).toContain("All migrations have been successfully applied.");

    const client = new pg.Client({ connectionString: urlOf(name) });
    await client.connect();
    const applied = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    await client.end();
    const expected = readdirSync(path.join(REPO_ROOT, "prisma/migrations")).filter((entry) => /^\d/.test(entry));
    expect(applied.rows.map((row) => row.migration_name).sort()).toEqual(expected.sort());

    const second = await run(process.execPath, [bin, "migrate"], { cwd, env });
    expect(second.stdout).toBe(`database ${name} is up to date\n`);
  });
});
