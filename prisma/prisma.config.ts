// Prisma 6.19.3 CLI configuration: the one place for the offline workarounds.
// Prisma 7 downloads a native schema engine at run time (fails on closed municipal networks);
// 6.19.3 runs fully offline with the query compiler and its WebAssembly migration engine.
import "dotenv/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// The schema reads DATABASE_URL; without it the CLI cannot read the schema and falls back to
// downloading native engines. `generate` needs no database, so give it the run contract's default.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/safetynet";

// Workaround 0: the Wasm schema engine arms 10 s / 60 s timers it never clears, so the
// CLI lingers after finishing. Unref long timers in this (CLI-only) process.
const originalSetTimeout = globalThis.setTimeout;
function setTimeoutUnrefLong(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
  const timer = originalSetTimeout(callback, ms, ...args);
  if (typeof ms === "number" && ms >= 5000) timer.unref();
  return timer;
}
globalThis.setTimeout = Object.assign(setTimeoutUnrefLong, {
  __promisify__: originalSetTimeout.__promisify__,
}) as typeof setTimeout;

// Workaround 1 (prisma/orm#27403): the Wasm schema engine cannot deserialize PostgreSQL
// catalog types ("char", name, ...). Report them as text. pg's types do not declare Result's
// internal addFields, hence the narrow shape below.
type FieldDescription = { dataTypeID: number };
type ResultPrototype = { addFields(fields: FieldDescription[]): void };
const resultPrototype = (pg as unknown as { Result: { prototype: ResultPrototype } }).Result.prototype;
const originalAddFields = resultPrototype.addFields;
resultPrototype.addFields = function (this: ResultPrototype, fields: FieldDescription[]) {
  for (const field of fields) {
    // 18 "char", 19 name, 22 int2vector, 24 regproc, 30 oidvector, 194 pg_node_tree,
    // 2205 regclass, 2206 regtype -> text(25); 1002 "char"[], 1003 name[] -> text[](1009)
    if ([18, 19, 22, 24, 30, 194, 2205, 2206].includes(field.dataTypeID)) field.dataTypeID = 25;
    else if ([1002, 1003].includes(field.dataTypeID)) field.dataTypeID = 1009;
  }
  return originalAddFields.call(this, fields);
};

function poolConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    allowExitOnIdle: true, // let the CLI exit instead of hanging on idle pool clients
    idleTimeoutMillis: 200,
  };
}

async function adminQuery(cfg: pg.PoolConfig, sql: string) {
  const client = new pg.Client({ ...cfg, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Workaround 2: PrismaPg.connectToShadowDb() ignores the shadow database name when given a
// connection string and drops the shadow database while still connected (`migrate dev` only).
class MigrateAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private main: PrismaPg;
  constructor(private cfg: pg.PoolConfig) {
    this.main = new PrismaPg(cfg);
  }
  connect() {
    return this.main.connect();
  }
  async connectToShadowDb() {
    const name = `${this.cfg.database}_prisma_shadow`;
    await adminQuery(this.cfg, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(this.cfg, `CREATE DATABASE "${name}"`);
    const adapter = await new PrismaPg({ ...this.cfg, database: name }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await adminQuery(this.cfg, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  engine: "js",
  adapter: async () => new MigrateAdapterFactory(poolConfig(process.env.DATABASE_URL!)),
});
