// Speed of @safetynet/ndr against Debian's Sisimai (libsisimai-perl), measured in the same run:
// one process each parsing every file of maildir/bsd. Run: npx tsx bench/parse/run.ts [DIR] [--rounds N] [--warmup N]
// Fairness: both sides read the files from disk inside the timed section; Sisimai runs as one
// perl process over the folder (Sisimai->make(DIR)); its start-up (perl -MSisimai -e1) is timed
// separately and subtracted; rounds alternate (ndr, perl, ndr, perl ...) so both see the same
// machine load, and each side reports its median (and best) of N rounds after a warm-up. Wall
// time on a loaded machine mostly measures the scheduler, so CPU time (user + system, of the
// whole process) is reported too: each side's own, unaffected by waiting for a core.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseMessage } from "../../packages/ndr/src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
// V8 compiles the hot paths to optimised code over the first rounds (slower still when the
// machine is busy, as the compiler thread waits for a core): the first round is reported apart
// as the cold figure, and the timed rounds start after this many.
const warmupAt = args.indexOf("--warmup");
const warmups = warmupAt >= 0 ? Number(args[warmupAt + 1]) : 3;
const dir = resolve(
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--rounds" && args[i - 1] !== "--warmup") ??
    join(here, "../../../shared/corpus/set-of-emails/maildir/bsd"),
);
const files = readdirSync(dir)
  .filter((name) => !name.startsWith("."))
  .sort()
  .map((name) => join(dir, name));

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function ndrRound(): { ms: number; cpu: number; recipients: number } {
  const cpuStart = cpuMs();
  const start = performance.now();
  let recipients = 0;
  for (const file of files) {
    try {
      recipients += parseMessage(readFileSync(file)).recipients.length;
    } catch {
      // not a message: counted as parsed, like Sisimai skipping it
    }
  }
  return { ms: performance.now() - start, cpu: cpuMs() - cpuStart, recipients };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

// prints: records, peak RSS (kB), CPU seconds (user + system, perl's times())
const PERL = `use Sisimai; my $v = Sisimai->make($ARGV[0]) || []; open(my $f, "<", "/proc/self/status"); my ($hwm) = map { /VmHWM:\\s+(\\d+)/ ? $1 : () } <$f>; my @t = times; print scalar(@$v), " ", $hwm, " ", $t[0] + $t[1], "\\n";`;
const PERL_STARTUP = `use Sisimai; Sisimai->make('/dev/null'); my @t = times; print "0 0 ", $t[0] + $t[1], "\\n";`;
const perlCpu = (out: string): number => Number(out.trim().split(" ")[2] ?? NaN) * 1000;
function perlRun(script: string, argv: string[]): { ms: number; out: string; ok: boolean } {
  const start = performance.now();
  const result = spawnSync("perl", ["-e", script, ...argv], { encoding: "utf8" });
  return { ms: performance.now() - start, out: result.stdout ?? "", ok: result.status === 0 };
}
const perlAvailable = perlRun("use Sisimai; 1", []).ok;

const cold = ndrRound(); // the first round: module loading done, code not yet optimised
for (let i = 1; i < warmups; i++) ndrRound(); // warm-up: JIT
if (perlAvailable) perlRun(PERL, [dir]); // warm-up: file cache
const loadBefore = loadavg();
const ndrTimes: number[] = [];
const ndrCpu: number[] = [];
const perlTimes: number[] = [];
const perlCpuTimes: number[] = [];
const startupTimes: number[] = [];
const startupCpu: number[] = [];
let ndrRecipients = 0;
let perlOut = "";
for (let i = 0; i < rounds; i++) {
  const { ms, cpu, recipients } = ndrRound();
  ndrTimes.push(ms);
  ndrCpu.push(cpu);
  ndrRecipients = recipients;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (perlAvailable) {
    const run = perlRun(PERL, [dir]);
    perlTimes.push(run.ms);
    perlCpuTimes.push(perlCpu(run.out));
    perlOut = run.out;
    const startup = perlRun(PERL_STARTUP, []);
    startupTimes.push(startup.ms);
    startupCpu.push(perlCpu(startup.out));
  }
}
const loadAfter = loadavg();
clearInterval(sampler);
const ndrMs = median(ndrTimes);
const ndrCpuMs = median(ndrCpu);
const ndrMaxRssMb = Math.max(peakRss / 1024 / 1024, process.resourceUsage().maxRSS / 1024);
let sisimai: {
  ms: number;
  startupMs: number;
  cpuMs: number;
  startupCpuMs: number;
  records: number;
  maxRssMb: number;
} | null = null;
if (perlAvailable) {
  const [records, hwm] = perlOut.trim().split(" ").map(Number);
  sisimai = {
    ms: median(perlTimes),
    startupMs: median(startupTimes),
    cpuMs: median(perlCpuTimes),
    startupCpuMs: median(startupCpu),
    records: records ?? 0,
    maxRssMb: (hwm ?? 0) / 1024,
  };
}
const best = (values: number[]): number => Math.min(...values);
const load = (l: number[]): string => l.map((n) => n.toFixed(2)).join(" ");

const perSecond = (ms: number): number => (files.length / ms) * 1000;
const lines = [
  `folder: ${dir} (${files.length} files), median of ${rounds} alternating rounds after ${warmups} warm-up round(s); load average ${load(loadBefore)} before, ${load(loadAfter)} after`,
  `ndr cold (first round): ${cold.ms.toFixed(0)} ms wall, ${cold.cpu.toFixed(0)} ms CPU`,
  `ndr:     ${ndrMs.toFixed(0)} ms wall (best ${best(ndrTimes).toFixed(0)})  ${ndrCpuMs.toFixed(0)} ms CPU (best ${best(ndrCpu).toFixed(0)})  ${perSecond(ndrMs).toFixed(0)} msg/s  peak RSS ${ndrMaxRssMb.toFixed(0)} MB  (${ndrRecipients} recipients)`,
];
if (sisimai) {
  const net = Math.max(1, sisimai.ms - sisimai.startupMs);
  const netCpu = Math.max(1, sisimai.cpuMs - sisimai.startupCpuMs);
  lines.push(
    `sisimai: ${sisimai.ms.toFixed(0)} ms wall (best ${best(perlTimes).toFixed(0)}; ${sisimai.startupMs.toFixed(0)} ms start-up)  ${sisimai.cpuMs.toFixed(0)} ms CPU (${sisimai.startupCpuMs.toFixed(0)} ms start-up)  ${perSecond(net).toFixed(0)} msg/s  peak RSS ${sisimai.maxRssMb.toFixed(0)} MB  (${sisimai.records} records)`,
    `ratio:   ndr is ${(net / ndrMs).toFixed(2)}x the speed of Sisimai by wall time (start-up excluded; ${(sisimai.ms / ndrMs).toFixed(2)}x with it), ${(netCpu / ndrCpuMs).toFixed(2)}x by CPU time`,
  );
} else {
  lines.push("sisimai: perl -MSisimai not available (apt install libsisimai-perl); no ratio");
}
process.stdout.write(`${lines.join("\n")}\n`);
