// Speed of @safetynet/ndr against Debian's Sisimai (libsisimai-perl), measured in the same run:
// one process each parsing every file of maildir/bsd. Run: npx tsx bench/parse/run.ts [DIR] [--rounds N]
// Fairness: both sides read the files from disk inside the timed section; Sisimai runs as one
// perl process over the folder (Sisimai->make(DIR)); its start-up (perl -MSisimai -e1) is timed
// separately and subtracted; rounds alternate (ndr, perl, ndr, perl ...) so both see the same
// machine load, and each side reports its median of N rounds after a warm-up.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseMessage } from "../../packages/ndr/src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const dir = resolve(args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--rounds") ?? join(here, "../../../shared/corpus/set-of-emails/maildir/bsd"));
const files = readdirSync(dir).filter((name) => !name.startsWith(".")).sort().map((name) => join(dir, name));

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function ndrRound(): { ms: number; recipients: number } {
  const start = performance.now();
  let recipients = 0;
  for (const file of files) {
    try {
      recipients += parseMessage(readFileSync(file)).recipients.length;
    } catch {
      // not a message: counted as parsed, like Sisimai skipping it
    }
  }
  return { ms: performance.now() - start, recipients };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

const PERL = `use Sisimai; my $v = Sisimai->make($ARGV[0]) || []; open(my $f, "<", "/proc/self/status"); my ($hwm) = map { /VmHWM:\\s+(\\d+)/ ? $1 : () } <$f>; print scalar(@$v), " ", $hwm, "\\n";`;
function perlRun(script: string, argv: string[]): { ms: number; out: string; ok: boolean } {
  const start = performance.now();
  const result = spawnSync("perl", ["-e", script, ...argv], { encoding: "utf8" });
  return { ms: performance.now() - start, out: result.stdout ?? "", ok: result.status === 0 };
}
const perlAvailable = perlRun("use Sisimai; 1", []).ok;

ndrRound(); // warm-up: module loading and JIT
if (perlAvailable) perlRun(PERL, [dir]); // warm-up: file cache
const ndrTimes: number[] = [];
const perlTimes: number[] = [];
const startupTimes: number[] = [];
let ndrRecipients = 0;
let perlOut = "";
for (let i = 0; i < rounds; i++) {
  const { ms, recipients } = ndrRound();
  ndrTimes.push(ms);
  ndrRecipients = recipients;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (perlAvailable) {
    const run = perlRun(PERL, [dir]);
    perlTimes.push(run.ms);
    perlOut = run.out;
    startupTimes.push(perlRun("use Sisimai; Sisimai->make('/dev/null');", []).ms);
  }
}
clearInterval(sampler);
const ndrMs = median(ndrTimes);
const ndrMaxRssMb = Math.max(peakRss / 1024 / 1024, process.resourceUsage().maxRSS / 1024);
let sisimai: { ms: number; startupMs: number; records: number; maxRssMb: number } | null = null;
if (perlAvailable) {
  const [records, hwm] = perlOut.trim().split(" ").map(Number);
  sisimai = { ms: median(perlTimes), startupMs: median(startupTimes), records: records ?? 0, maxRssMb: (hwm ?? 0) / 1024 };
}

const perSecond = (ms: number): number => (files.length / ms) * 1000;
const lines = [
  `folder: ${dir} (${files.length} files), median of ${rounds} alternating rounds after a warm-up`,
  `ndr:     ${ndrMs.toFixed(0)} ms  ${perSecond(ndrMs).toFixed(0)} msg/s  peak RSS ${ndrMaxRssMb.toFixed(0)} MB  (${ndrRecipients} recipients)`,
];
if (sisimai) {
  const net = Math.max(1, sisimai.ms - sisimai.startupMs);
  lines.push(
    `sisimai: ${sisimai.ms.toFixed(0)} ms wall (${sisimai.startupMs.toFixed(0)} ms start-up)  ${perSecond(net).toFixed(0)} msg/s  peak RSS ${sisimai.maxRssMb.toFixed(0)} MB  (${sisimai.records} records)`,
    `ratio:   ndr is ${(net / ndrMs).toFixed(2)}x the speed of Sisimai (start-up excluded), ${(sisimai.ms / ndrMs).toFixed(2)}x wall`,
  );
} else {
  lines.push("sisimai: perl -MSisimai not available (apt install libsisimai-perl); no ratio");
}
process.stdout.write(lines.join("\n") + "\n");
