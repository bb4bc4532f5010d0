// Benchmark: CPR scanning throughput on 100 MB of mixed Danish mail text, generated in memory
// from a fixed seed. Run: `npx tsx bench/cpr/run.ts [MB]`; prints MB/s per mode and peak memory.
import { find, mask } from "@safetynet/cpr";
import { buildMixedText } from "./mixed-text.js";

const megabytes = Number(process.argv[2] ?? 100);
const now = new Date("2026-11-28T12:00:00Z");
let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
// The scans are synchronous, so the interval only samples between phases; max RSS is exact.
const sampler = setInterval(sample, 20);

// Wall time and this process's CPU time: on a shared machine the CPU figure is the steadier one.
function time<T>(run: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = run();
  sample();
  const used = process.cpuUsage(cpu);
  return {
    result,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

const built = time(() => buildMixedText({ seed: 2026, bytes: megabytes * 1_000_000, now }));
const text = built.result;
const bytes = Buffer.byteLength(text, "utf8");
const mb = bytes / 1_000_000;
console.log(
  `text: ${mb.toFixed(1)} MB UTF-8 (${text.length.toLocaleString("en")} UTF-16 units), built in ${built.seconds.toFixed(1)} s`,
);

const report = (label: string, timing: { seconds: number; cpuSeconds: number }, extra: string): void => {
  const wall = (mb / timing.seconds).toFixed(1).padStart(7);
  const cpu = (mb / timing.cpuSeconds).toFixed(1).padStart(7);
  console.log(
    `${label.padEnd(28)} ${wall} MB/s wall, ${cpu} MB per CPU-second  (${timing.seconds.toFixed(2)} s) ${extra}`,
  );
};

// Warm the JIT on 1 MB first so the figures are steady-state throughput, not compilation.
find(text.slice(0, 1_000_000), { now });
const whole = time(() => find(text, { now }));
report(`find, one ${megabytes} MB string`, whole, `${whole.result.length.toLocaleString("en")} matches`);

const masked = time(() => mask(text, { now }));
report(`mask, one ${megabytes} MB string`, masked, `${masked.result.length.toLocaleString("en")} chars out`);

// The worker calls find/mask once per subject or diagnostic line: measure per-call overhead too.
const lines = text.split("\n");
const perLine = time(() => {
  let count = 0;
  for (const line of lines) count += find(line, { now }).length;
  return count;
});
report(
  "find, line by line",
  perLine,
  `${lines.length.toLocaleString("en")} lines, ${perLine.result.toLocaleString("en")} matches`,
);

clearInterval(sampler);
sample();
const maxRss = process.resourceUsage().maxRSS * 1024;
// The text, its masked copy and the split lines are all alive at the peak: most of the memory is
// the benchmark's own input, not the scanner (which keeps only its matches).
console.log(
  `peak memory: rss ${(Math.max(peakRss, maxRss) / 1e6).toFixed(0)} MB (max RSS of the process), heap used ${(peakHeap / 1e6).toFixed(0)} MB (sampled after each phase)`,
);
