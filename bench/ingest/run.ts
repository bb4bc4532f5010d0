// Ingest benchmark: N real-format NDRs in a fresh Dovecot mailbox until every one is stored
// and enqueued. Prints messages/s and peak memory per size, and their ratios (goal: >= 2,000/s, flat memory).
//   npx tsx bench/ingest/run.ts [COUNT...]     (default: 2000 10000; needs `bash scripts/services up`)
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@safetynet/config";
import { createUtcSqlPool } from "@safetynet/db";
import { start } from "@safetynet/poller";
import { createDovecotUser, createTestDatabase, createTestRedis, waitForDovecotLogin } from "@safetynet/testing";
import { Queue } from "bullmq";
import { fillMaildir } from "./fill-maildir.js";

const KEY = Buffer.alloc(32, 1).toString("base64");

interface Result {
  count: number;
  seconds: number;
  /** From the first stored message to the last: the poller's own pace, without connect and Dovecot's first scan. */
  ingestSeconds: number;
  cpuMsPerMessage: number;
  rate: number;
  peakRssMb: number;
  peakHeapMb: number;
  baseRssMb: number;
}

async function runOnce(count: number): Promise<Result> {
  const database = await createTestDatabase();
  const redis = createTestRedis();
  const user = createDovecotUser();
  await waitForDovecotLogin(user); // the first login creates the Maildir
  const { source, bytes } = fillMaildir(user.maildir, count);
  process.stdout.write(`  ${count} messages, ${(bytes / 1e6).toFixed(1)} MB, from ${source}\n`);
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const queue = new Queue("ingest", { connection: redis.connection(), prefix: redis.prefix });
  // The probe shares the poller's process (its CPU is counted): plain pg and one Redis round
  // trip, not Prisma, so it takes as little as possible from the poller it is measuring.
  const probe = createUtcSqlPool(database.url, { poolSize: 1 });
  const countStored = async () =>
    Number((await probe.query<{ n: string }>(`SELECT count(*) AS n FROM "RawMessage"`)).rows[0]!.n);
  await Promise.all([countStored(), queue.count()]); // connect before the clock starts
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let tFirst = 0;
  const poller = await start({
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SAFETYNET_KEY: KEY,
      IMAP_URL: user.url,
      IMAP_MARK: "none",
      IMAP_BATCH_SIZE: process.env.BENCH_BATCH ?? "500",
    },
    logger: createLogger({ level: "warn" }),
    redisPrefix: redis.prefix,
  });
  for (;;) {
    const [stored, jobs] = await Promise.all([countStored(), queue.count()]);
    if (stored > 0 && tFirst === 0) tFirst = performance.now();
    if (stored >= count && jobs >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 50)); // count(*) is not free: keep the probe light
  }
  const tEnd = performance.now();
  const seconds = (tEnd - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  await poller.stop();
  await probe.end();
  await queue.close();
  await redis.cleanup();
  await database.drop();
  // 10,000 files per run: left behind, they slow every `chown -R` of the mail tree (scripts/services).
  rmSync(path.dirname(user.maildir), { recursive: true, force: true });
  const mb = (value: number) => Math.round(value / 1e5) / 10;
  return {
    count,
    seconds,
    ingestSeconds: (tEnd - tFirst) / 1000,
    cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / count,
    rate: count / seconds,
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
    baseRssMb: mb(baseRss),
  };
}

const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const sizes = counts.length ? counts : [2_000, 10_000];
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
process.stdout.write(
  `machine: ${os.cpus().length} cores, load average ${load()} (other work on the machine skews the rate)\n`,
);
process.stdout.write(
  `ingest benchmark: poller -> Postgres (encrypted) -> BullMQ, batch ${process.env.BENCH_BATCH ?? "500"}, mark none\n`,
);
const results: Result[] = [];
for (const count of sizes) {
  const result = await runOnce(count);
  results.push(result);
  process.stdout.write(
    `  -> ${result.count} stored+enqueued in ${result.seconds.toFixed(2)} s = ${Math.round(result.rate)} msg/s; ` +
      `from first stored to last ${Math.round(result.count / result.ingestSeconds)} msg/s; poller CPU ${result.cpuMsPerMessage.toFixed(3)} ms/message; ` +
      `peak RSS ${result.peakRssMb} MB (start ${result.baseRssMb} MB, +${(result.peakRssMb - result.baseRssMb).toFixed(1)}), peak heap ${result.peakHeapMb} MB\n`,
  );
}
process.stdout.write(`load average after: ${load()}\n`);
const largest = results[results.length - 1]!;
process.stdout.write(
  `\nthroughput vs goal (2,000 msg/s): ${(largest.rate / 2000).toFixed(2)}x at ${largest.count} messages\n`,
);
if (results.length > 1) {
  const smallest = results[0]!;
  process.stdout.write(
    `memory growth ${smallest.count} -> ${largest.count} messages (${(largest.count / smallest.count).toFixed(1)}x the count): ` +
      `peak RSS ${(largest.peakRssMb / smallest.peakRssMb).toFixed(2)}x, peak heap ${(largest.peakHeapMb / smallest.peakHeapMb).toFixed(2)}x\n`,
  );
}
process.exit(0);
