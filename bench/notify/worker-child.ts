// Benchmark worker process: the real notify processor in a BullMQ worker, started on "go" and
// reporting its own CPU time on "cpu", so the benchmark can use both cores and account for them.
import { createInterface } from "node:readline";
import { createDbClient } from "@safetynet/db";
import { Redis } from "ioredis";
import { startNotifyWorker } from "../../apps/worker/src/notify/testing/start-notify-worker.js";

const s = JSON.parse(process.argv[2] ?? "{}") as {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  concurrency: number;
  pool: number;
  dbPool: number;
};
const db = createDbClient(s.databaseUrl, { poolSize: 2 });
const harness = startNotifyWorker({
  db,
  databaseUrl: s.databaseUrl,
  sqlPoolSize: s.dbPool,
  smtpUrl: s.smtpUrl,
  prefix: s.prefix,
  connection: () => new Redis(s.redisUrl, { maxRetriesPerRequest: null }),
  concurrency: s.concurrency,
  poolSize: s.pool,
  autorun: false,
  // Production defaults for digests (10 min, threshold 3) and the relay ceiling (2,000/s, counted in
  // memory here: the harness gives no Redis store).
  config: { NOTICE_DIGEST_MINUTES: 10, NOTICE_DIGEST_THRESHOLD: 3, NOTICE_RELAY_RATE: 2000 },
});
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line === "go") void harness.worker.run();
  if (line === "cpu") {
    const cpu = process.cpuUsage();
    process.stdout.write(`cpu ${(cpu.user + cpu.system) / 1000}\n`);
  }
});
lines.on(
  "close",
  () =>
    void harness
      .close()
      .then(() => db.$disconnect())
      .then(() => process.exit(0)),
);
process.stdout.write("ready\n");
