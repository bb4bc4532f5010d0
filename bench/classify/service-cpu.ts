// CPU time used so far by the PostgreSQL and Redis server processes on this machine (Linux /proc),
// so the benchmark can report what one message costs them too. Every process of those names counts,
// other people's work included, and a process that exits meanwhile takes its time out of the sum.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export function serviceCpuMs(): { postgres: number; redis: number } | null {
  let postgres = 0;
  let redis = 0;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // the process ended meanwhile
      }
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime + stime
      if (name === "postgres" || name.startsWith("postgres:")) postgres += ms;
      else if (name.startsWith("redis-server")) redis += ms;
    }
  } catch {
    return null; // not Linux
  }
  return { postgres, redis };
}
