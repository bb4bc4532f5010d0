// What one BullMQ job costs on this machine, with the catalog's options (retention, attempts):
// add in bulk, run a processor that does nothing, 32 at a time, as the notify worker does. The
// message path runs two jobs per message (ingest, notify); bench/e2e/run.ts prints the whole.
//   npx tsx bench/e2e/queue-cost.ts [JOBS]
import { JOBS, jobOptions } from "@safetynet/queue";
import { createTestRedis } from "@safetynet/testing";
import { Queue, Worker } from "bullmq";
import { cpuBetween, sampleProcesses } from "./process-usage.js";

const count = Number(process.argv[2] ?? 5_000);
const redis = createTestRedis();
const connection = { url: redis.url };
const queue = new Queue(JOBS.notify.queue, { connection, prefix: redis.prefix });
const payloads = Array.from({ length: count }, (_, i) => ({ failureId: `failure-${i}` }));
const before = sampleProcesses();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let at = 0; at < count; at += 500) {
  await queue.addBulk(
    payloads.slice(at, at + 500).map((data) => ({ name: JOBS.notify.name, data, opts: jobOptions("notify", data) })),
  );
}
let done = 0;
let allDone: () => void = () => undefined;
const finished = new Promise<void>((resolve) => (allDone = resolve));
const worker = new Worker(
  JOBS.notify.queue,
  async () => {
    done += 1;
    if (done === count) allDone();
  },
  { connection, prefix: redis.prefix, concurrency: 32 },
);
worker.on("error", () => undefined);
await finished;
await worker.close();
const seconds = (performance.now() - t0) / 1000;
const node = process.cpuUsage(cpu0);
const redisCpu = cpuBetween(before, sampleProcesses(), (s) => (s.name === "redis-server" ? "Redis" : undefined));
const perJob = (ms: number) => ((ms / count) * 1000).toFixed(0);
console.log(`${count} jobs added in bulk and run (concurrency 32) in ${seconds.toFixed(2)} s`);
console.log(
  `  per job: this process ${perJob((node.user + node.system) / 1000)} µs CPU, Redis ${perJob((redisCpu.get("Redis")?.cpu ?? 0) * 1000)} µs CPU`,
);
await queue.close();
await redis.cleanup();
process.exit(0);
