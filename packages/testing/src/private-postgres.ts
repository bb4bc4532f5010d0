// A private PostgreSQL cluster on its own loopback port and folder, for tests that restart the
// server (the shared one on 5432 serves everyone else's tests and must never go down). initdb and
// pg_ctl run as the `postgres` OS user when started as root: PostgreSQL refuses to run as root.
import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { migrateDatabase } from "@safetynet/db";
import { freePort } from "./free-port.js";

const run = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** `postgresql://postgres@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  /** Creates the database and applies the project's migrations; returns its URL. */
  createMigratedDatabase(database: string): Promise<string>;
  /** `fast` ends sessions and checkpoints; `immediate` is a crash (recovery from the WAL at start). */
  restart(mode?: "fast" | "immediate"): Promise<void>;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if it runs) and removes its folder. */
  destroy(): Promise<void>;
}

/** The newest server binaries Debian's postgresql-common installed (initdb is not on PATH there). */
function binDir(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) throw new Error(`PostgreSQL server binaries not found under ${root}`);
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`no initdb under ${root}/*/bin`);
  return path.join(root, versions[0]!, "bin");
}

export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "sn-postgres-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "postgres.log");
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o755);
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const port = await freePort();
  await pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  // fsync stays on (the default): a restart must keep what was committed, as in production.
  writeFileSync(
    path.join(data, "postgresql.auto.conf"),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "max_connections = 200",
      "",
    ].join("\n"),
  );
  const ctl = (args: string[]) => pg("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", ...args]);
  let running = false;
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const handle: PrivatePostgres = {
    port,
    url,
    async createMigratedDatabase(database) {
      await migrateDatabase(url(database));
      return url(database);
    },
    async start() {
      await ctl(["start"]);
      running = true;
    },
    async stop(mode = "fast") {
      await ctl(["stop", "-m", mode]);
      running = false;
    },
    async restart(mode = "fast") {
      await ctl(["restart", "-m", mode]);
      running = true;
    },
    async destroy() {
      if (running) await handle.stop("immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
