// Benchmark helper: CPU time (ms) used so far by the Postgres backends serving one database,
// read from /proc (Linux), so the figure can be charged per notice. Backends of the benchmark's
// own database only; other work on the server is not counted.
import { readFileSync } from "node:fs";
import type { DbClient } from "@safetynet/db";

const TICK_MS = 10; // USER_HZ is 100 on Linux

export async function postgresCpuMs(db: DbClient, database: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ pid: number }[]>(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1",
    database,
  );
  let total = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14, 15)
    } catch {
      /* the backend ended, or Postgres runs elsewhere: not counted */
    }
  }
  return total;
}
