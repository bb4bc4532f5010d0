// Benchmark: notices accepted per second by a loopback SMTP listener (own process) through the
// real notify processor in BullMQ worker processes on Redis + Postgres. From the repository root:
//   npx tsx bench/notify/run.ts [--count 6000] [--workers 1] [--concurrency 64] [--pool 8] [--db-pool 16] [--profile DIR]
import os from "node:os";
import path from "node:path";
import { createDbClient } from "@safetynet/db";
import { createQueue, JOBS, jobOptions, QUEUE_NAMES } from "@safetynet/queue";
import { createTestDatabase, createTestRedis } from "@safetynet/testing";
import { startLineChild } from "./child-process.js";
import { postgresCpuMs } from "./postgres-cpu.js";
import { seedBenchFailures } from "./seed-bench-failures.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const count = option("count", 6000);
const workers = option("workers", 1);
const concurrency = option("concurrency", 64);
const pool = option("pool", 8);
const dbPool = option("db-pool", 16);
const here = import.meta.dirname;
const profileAt = process.argv.indexOf("--profile");
// --profile DIR: CPU profiles of the worker processes (open in Chrome DevTools).
const nodeArgs = profileAt > 0 ? ["--cpu-prof", `--cpu-prof-dir=${process.argv[profileAt + 1]}`] : [];

const sink = startLineChild(path.join(here, "smtp-sink.ts"));
const port = Number((await sink.next()).split(" ")[1]);
const sinkState = async () => {
  const [, accepted, cpuMs] = (await sink.ask("?")).split(" ");
  return { accepted: Number(accepted), cpuMs: Number(cpuMs) };
};

const database = await createTestDatabase();
const db = createDbClient(database.url, { poolSize: 2 });
const redis = createTestRedis();
try {
  const failureIds = await seedBenchFailures(db, count);
  const queue = createQueue(QUEUE_NAMES.notify, { connection: redis.connection(), prefix: redis.prefix });
  for (let i = 0; i < failureIds.length; i += 1000) {
    await queue.addBulk(
      failureIds.slice(i, i + 1000).map((failureId) => ({
        name: JOBS.notify.name,
        data: { failureId },
        opts: jobOptions("notify", { failureId }),
      })),
    );
  }
  const settings = {
    databaseUrl: database.url,
    redisUrl: redis.url,
    prefix: redis.prefix,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    concurrency,
    pool,
    dbPool,
  };
  const children = Array.from({ length: workers }, () =>
    startLineChild(path.join(here, "worker-child.ts"), [JSON.stringify(settings)], nodeArgs),
  );
  for (const child of children) await child.next(); // "ready"
  const cpuOf = async () => Promise.all(children.map(async (child) => Number((await child.ask("cpu")).split(" ")[1])));
  const workerCpuBefore = await cpuOf();
  const sinkBefore = await sinkState();
  const pgBefore = await postgresCpuMs(db, database.name);
  const started = performance.now();
  for (const child of children) child.send("go");
  let sent = 0;
  while (sent < count && performance.now() - started < 600_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    sent = (await sinkState()).accepted;
  }
  const seconds = (performance.now() - started) / 1000;
  const workerCpu = (await cpuOf()).reduce((sum, cpu, i) => sum + cpu - workerCpuBefore[i]!, 0);
  const sinkAfter = await sinkState();
  const pgCpu = (await postgresCpuMs(db, database.name)) - pgBefore;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const recorded = await db.notice.count({ where: { status: "sent" } });
  await Promise.all(children.map((child) => child.end()));
  await queue.close();
  process.stdout.write(
    `notify bench: ${count} notices, ${workers} worker process(es) x concurrency ${concurrency}, SMTP pool ${pool}, pg pool ${dbPool}\n` +
      `  accepted by the SMTP listener: ${sinkAfter.accepted}; recorded as sent: ${recorded}\n` +
      `  elapsed: ${seconds.toFixed(2)} s  ->  ${(sinkAfter.accepted / seconds).toFixed(0)} notices/s\n` +
      `  CPU per notice: workers ${(workerCpu / count).toFixed(2)} ms, SMTP listener ${((sinkAfter.cpuMs - sinkBefore.cpuMs) / count).toFixed(2)} ms, ` +
      `Postgres backends ${(pgCpu / count).toFixed(2)} ms (Redis not counted)\n` +
      `  machine: ${os.cpus().length} cpus, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (other work on the machine slows this figure)\n`,
  );
} finally {
  await db.$disconnect();
  await redis.cleanup();
  await database.drop();
  await sink.end();
}
