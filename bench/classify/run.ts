// Failures classified and grouped per second through the real worker (BullMQ ingest processor)
// against PostgreSQL and Redis: a fresh database and key prefix, a stored day of NDRs, then time
// from the first job to the last message marked parsed.
// Without flags it runs the worker as `safetynet start worker` would: its default WORKER_CONCURRENCY
// and batch size.
//   npx tsx bench/classify/run.ts [--messages N] [--recipients K] [--concurrency C] [--batch B] [--parallel P]
import { cpus, loadavg } from "node:os";
import { createTransactionPool } from "@safetynet/db";
import { createQueue, JOBS, jobOptions } from "@safetynet/queue";
import { createTestDatabase, createTestRedis } from "@safetynet/testing";
import { start } from "../../apps/worker/src/index.js";
import { storeMessages, TEST_KEY } from "../../apps/worker/src/ingest/test-support.js";
import { dayStream } from "./day-stream.js";
import { serviceCpuMs } from "./service-cpu.js";

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

const messages = option("messages") ?? 10_000;
const recipients = option("recipients") ?? 1;
const concurrency = option("concurrency");

const database = await createTestDatabase();
const redis = createTestRedis();
try {
  const stream = dayStream(messages, recipients);
  const ids = await storeMessages(database.db, stream.raws);
  const queue = createQueue("ingest", { connection: redis.connection(), prefix: redis.prefix });
  for (let i = 0; i < ids.length; i += 1000) {
    await queue.addBulk(
      ids.slice(i, i + 1000).map((messageId) => ({
        name: JOBS.ingest.name,
        data: { messageId },
        opts: jobOptions("ingest", { messageId }),
      })),
    );
  }
  const batches: { size: number; ms: number }[] = [];
  // Polls with one plain connection: through the ORM the poll itself cost this process 0.2-0.4 ms per message.
  const poll = createTransactionPool(database.url, { poolSize: 1 });
  const servicesBefore = serviceCpuMs();
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const worker = await start({
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SAFETYNET_KEY: TEST_KEY,
      LOG_LEVEL: "silent",
      ...(concurrency ? { WORKER_CONCURRENCY: String(concurrency) } : {}),
    },
    redisPrefix: redis.prefix,
    sweepIntervalMs: 0,
    notify: false, // measures ingest alone; bench/notify measures notices
    escalate: false,
    ...(option("batch") ? { batchSize: option("batch") } : {}),
    ...(option("parallel") ? { batchParallel: option("parallel") } : {}),
    onBatch: (size, ms) => batches.push({ size, ms }),
  });
  let done = 0;
  while (done < ids.length) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { rows } = await poll.query<{ done: number }>(
      `SELECT count(*)::int AS done FROM "RawMessage" WHERE "state" <> 'stored'`,
    );
    done = rows[0]!.done;
  }
  const seconds = (performance.now() - began) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Before stop(): a server process that exits takes its CPU time out of the sum.
  const servicesAfter = serviceCpuMs();
  await poll.end();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await worker.stop();
  const failures = await database.db.failure.count();
  const incidents = await database.db.incident.groupBy({ by: ["scope"], _count: true });
  const attached = await database.db.failure.count({ where: { incidentId: { not: null } } });
  const fmt = (value: number) => value.toFixed(0).padStart(7);
  process.stdout.write(
    [
      `classify bench: ${messages} NDRs x ${recipients} failed recipient(s), worker concurrency ${worker.config.WORKER_CONCURRENCY}, batch ${option("batch") ?? Math.ceil(worker.config.WORKER_CONCURRENCY / 2)}`,
      `  messages   ${fmt(messages)}   ${fmt(messages / seconds)} /s`,
      `  failures   ${fmt(failures)}   ${fmt(failures / seconds)} /s   (expected ${stream.failures})`,
      `  elapsed    ${seconds.toFixed(2).padStart(7)} s; worker process CPU ${(cpuMs / messages).toFixed(2)} ms per message (${(cpuMs / 1000 / seconds).toFixed(2)} cores busy)`,
      servicesBefore && servicesAfter
        ? `  services   PostgreSQL CPU ${((servicesAfter.postgres - servicesBefore.postgres) / messages).toFixed(2)} ms, Redis CPU ${((servicesAfter.redis - servicesBefore.redis) / messages).toFixed(2)} ms per message (all their processes: other work on the machine counts too)`
        : "  services   (server CPU not measurable here)",
      `  batches    ${batches.length} transactions, ${(messages / Math.max(batches.length, 1)).toFixed(1)} messages and ${(batches.reduce((sum, b) => sum + b.ms, 0) / Math.max(batches.length, 1)).toFixed(0)} ms each on average`,
      `  machine    load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(" ")} on ${cpus().length} cores (other work on the machine slows the figures)`,
      `  incidents  ${incidents.map((row) => `${row.scope} ${row._count}`).join(", ")}; failures in incidents ${attached}`,
      "",
    ].join("\n"),
  );
  await queue.close();
} finally {
  await redis.cleanup();
  await database.drop();
}
