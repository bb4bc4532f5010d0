// Benchmark: the triage API under concurrent load from a second process (autocannon) on one
// million failures. From the repository root (takes about five minutes, most of it seeding):
//   npx tsx bench/api/run.ts [--count 1000000] [--seconds 10] [--connections 10]
// Prints requests per second and p99 latency per scenario; goals: p99 < 50 ms for list and
// detail, < 200 ms for the reports.
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { start } from "@safetynet/api";
import { createLogger } from "@safetynet/config";
import { createTestDatabase, createTestRedis, REPO_ROOT } from "@safetynet/testing";
import { seedMillion } from "./seed-million.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const count = option("count", 1_000_000);
const seconds = option("seconds", 10);
const connections = option("connections", 10);
const TOKEN = "bench-admin-token-0123456789";
const log = (line: string) => process.stdout.write(`${line}\n`);
// The figures mean little on a busy machine: say how busy it was.
const loadAverage = () =>
  `load average ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(", ")} on ${os.cpus().length} cores`;

const scenarios: { name: string; path: string; goalMs: number }[] = [
  { name: "list, newest first", path: "/api/failures?limit=50", goalMs: 50 },
  {
    name: "list, one year + open",
    path: "/api/failures?from=2023-01-01&to=2023-12-31&outcome=untriaged&limit=50",
    goalMs: 50,
  },
  { name: "list, cause + serious", path: "/api/failures?cause=cpr-in-subject&serious=true&limit=50", goalMs: 50 },
  { name: "list, recipient domain", path: "/api/failures?recipientDomain=dom7.example&limit=50", goalMs: 50 },
  { name: "detail", path: `/api/failures/f-${String(Math.floor(count / 2)).padStart(8, "0")}`, goalMs: 50 },
  { name: "yearly report", path: "/api/reports/yearly", goalMs: 200 },
  { name: "outcomes report", path: "/api/reports/outcomes", goalMs: 200 },
];

const database = await createTestDatabase();
const redis = createTestRedis();
try {
  const seeding = performance.now();
  await seedMillion(database.db, count, log);
  await database.db.$executeRawUnsafe(`VACUUM ANALYZE "Failure"`);
  await database.db.$executeRawUnsafe(`VACUUM ANALYZE "RawMessage"`);
  log(`seeded and analysed in ${Math.round((performance.now() - seeding) / 1000)} s; ${loadAverage()}`);
  const api = await start({
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SAFETYNET_KEY: Buffer.alloc(32, 9).toString("base64"),
      ADMIN_TOKEN: TOKEN,
      API_PORT: "0",
      LOG_LEVEL: "silent",
    },
    logger: createLogger({ level: "silent" }),
    redisPrefix: redis.prefix,
    rateLimit: false,
  });
  const autocannon = path.join(REPO_ROOT, "node_modules/.bin/autocannon");
  const rows: string[] = [];
  try {
    for (const scenario of scenarios) {
      const url = `${api.url}${scenario.path}`;
      const check = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (check.status !== 200) throw new Error(`${scenario.name}: HTTP ${check.status} ${await check.text()}`);
      const { stdout } = await promisify(execFile)(
        autocannon,
        ["-c", String(connections), "-d", String(seconds), "-j", "-H", `authorization=Bearer ${TOKEN}`, url],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      const result = JSON.parse(stdout) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      // No answer at all within autocannon's 10 s timeout is a miss, not a p99 of 0.
      const answered = result.requests.total > 0 && result.latency.p99 > 0;
      const verdict = answered && result.latency.p99 < scenario.goalMs ? "met" : "not met";
      const p99 = answered ? String(result.latency.p99) : "none within 10 s";
      const row = `| ${scenario.name} | ${result.requests.average.toFixed(0)} | ${answered ? result.latency.p50 : "-"} | ${p99} | < ${scenario.goalMs} | ${verdict} | ${result.non2xx + result.errors} |`;
      log(row);
      rows.push(row);
    }
  } finally {
    await api.stop();
  }
  log(
    `\n${count.toLocaleString("en")} failures, ${connections} connections, ${seconds} s per scenario; ${loadAverage()}`,
  );
  log(
    "| scenario | req/s | p50 ms | p99 ms | goal p99 ms | goal | errors |\n| --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const row of rows) log(row);
} finally {
  await redis.cleanup();
  await database.drop();
}
