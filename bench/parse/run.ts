// Speed of `safetynet parse --json DIR` against Debian's Sisimai (libsisimai-perl,
// `perl -MSisimai -e 'Sisimai->make(DIR)'`), timed as a user times them: whole processes, start-up
// included, output to /dev/null. Two folders: maildir/bsd (452 files) and ten copies of it in a
// temporary folder (4,520 files). Rounds alternate (ndr, perl, perl, ndr, ...) so both see the same
// machine load; medians are reported, with each side's CPU time (user + system, what a busy
// machine disturbs least) and peak RSS from GNU time when /usr/bin/time is there. One warm-up
// round per side fills the page cache first. A warm in-process figure (the parser alone, JIT
// warmed, files already read) follows, labelled as such: it is not what anyone running the command sees.
//
// Run: npx tsx bench/parse/run.ts [DIR] [--rounds N] [--copies N] [--ndr "COMMAND"] [--no-in-process]
//   --ndr: the command that runs the CLI, default `node apps/cli/bin/safetynet.js` (what `npx
//   safetynet` runs); point it at a built bundle to time that, e.g. --ndr "node apps/cli/dist/safetynet.js".
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseMessage } from "../../packages/ndr/src/index.js";
import { DEFAULT_CORPUS } from "./accuracy.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const rounds = Number(option("--rounds") ?? 7);
const copies = Number(option("--copies") ?? 10);
const ndrCommand = (option("--ndr") ?? `node ${join(root, "apps/cli/bin/safetynet.js")}`).split(" ").filter(Boolean);
const valued = new Set(["--rounds", "--copies", "--ndr"]);
const dir = resolve(
  args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ?? join(DEFAULT_CORPUS, "maildir/bsd"),
);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const GNU_TIME = "/usr/bin/time";
const hasGnuTime = existsSync(GNU_TIME);
const hasPerl = spawnSync("perl", ["-MSisimai", "-e", "1"]).status === 0;

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

/** One whole process, output to /dev/null; CPU and peak RSS from GNU time on stderr. */
function time(argv: string[]): Sample {
  const full = hasGnuTime ? [GNU_TIME, "-f", "@@%U %S %M", ...argv] : argv;
  const start = performance.now();
  const result = spawnSync(full[0]!, full.slice(1), { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${argv.join(" ")} exited ${result.status}: ${result.stderr}`);
  const stats = /@@([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? "");
  return {
    wallMs,
    cpuMs: stats ? (Number(stats[1]) + Number(stats[2])) * 1000 : Number.NaN,
    rssMb: stats ? Number(stats[3]) / 1024 : Number.NaN,
  };
}

const ndrArgv = (folder: string): string[] => [...ndrCommand, "parse", "--json", folder];
const perlArgv = (folder: string): string[] => ["perl", "-MSisimai", "-e", "Sisimai->make($ARGV[0])", folder];

function compare(folder: string, files: number): string[] {
  time(ndrArgv(folder)); // warm-up: page cache, and a first check that the command runs
  if (hasPerl) time(perlArgv(folder));
  const ndr: Sample[] = [];
  const perl: Sample[] = [];
  const loadBefore = loadavg();
  for (let i = 0; i < rounds; i++) {
    // ABBA order: neither side always runs right after the other
    const order = i % 2 === 0 ? ["ndr", "perl"] : ["perl", "ndr"];
    for (const side of order) {
      if (side === "ndr") ndr.push(time(ndrArgv(folder)));
      else if (hasPerl) perl.push(time(perlArgv(folder)));
    }
  }
  const loadAfter = loadavg();
  const summary = (name: string, samples: Sample[]): string =>
    `${name.padEnd(8)} ${median(samples.map((s) => s.wallMs)).toFixed(0)} ms wall (best ${Math.min(...samples.map((s) => s.wallMs)).toFixed(0)})  ${median(samples.map((s) => s.cpuMs)).toFixed(0)} ms CPU  peak RSS ${Math.max(...samples.map((s) => s.rssMb)).toFixed(0)} MiB`;
  const load = (l: number[]): string => l.map((n) => n.toFixed(1)).join(" ");
  const lines = [
    `${folder} (${files} files): medians of ${rounds} alternating rounds; load average ${load(loadBefore)} before, ${load(loadAfter)} after`,
    summary("ndr", ndr),
  ];
  if (perl.length > 0) {
    const wall = median(ndr.map((s) => s.wallMs)) / median(perl.map((s) => s.wallMs));
    const cpu = median(ndr.map((s) => s.cpuMs)) / median(perl.map((s) => s.cpuMs));
    lines.push(
      summary("sisimai", perl),
      `ratio    ndr takes ${wall.toFixed(2)}x Sisimai's wall time (${cpu.toFixed(2)}x its CPU time)`,
    );
  } else lines.push("sisimai  perl -MSisimai not available (apt-get install libsisimai-perl): no ratio");
  return lines;
}

/** The parser alone in this process: files read first, JIT warmed by three rounds, median of five. */
function inProcess(files: string[]): string {
  const bytes = files.map((file) => readFileSync(file));
  const round = (): number => {
    const start = performance.now();
    for (const message of bytes) {
      try {
        parseMessage(message);
      } catch {
        // not a message: counted as parsed
      }
    }
    return performance.now() - start;
  };
  for (let i = 0; i < 3; i++) round();
  const ms = median(Array.from({ length: 5 }, round));
  return `in-process, warm (the parser alone, not a user's figure): ${ms.toFixed(0)} ms for ${files.length} files, ${((files.length / ms) * 1000).toFixed(0)} msg/s`;
}

const names = readdirSync(dir)
  .filter((name) => !name.startsWith("."))
  .sort();
const out: string[] = [
  `ndr command: ${ndrCommand.join(" ")}; ${hasGnuTime ? "CPU and RSS by GNU time" : "no /usr/bin/time: wall time only"}`,
];
out.push(...compare(dir, names.length));
if (copies > 1) {
  // Flat copies: Sisimai reads one folder level, as our Maildir/.eml reader reads it
  const many = mkdtempSync(join(tmpdir(), "ndr-bench-"));
  try {
    for (let c = 0; c < copies; c++)
      for (const name of names) copyFileSync(join(dir, name), join(many, `c${c}-${name}`));
    out.push(...compare(many, names.length * copies));
  } finally {
    rmSync(many, { recursive: true, force: true });
  }
}
if (!args.includes("--no-in-process")) out.push(inProcess(names.map((name) => join(dir, name))));
const hyperfine = `hyperfine -N -w 1 -r ${rounds} '${ndrArgv(dir).join(" ")}' "perl -MSisimai -e 'Sisimai->make(\\$ARGV[0])' ${dir}"`;
out.push(`same comparison with hyperfine (not alternating): ${hyperfine}`);
process.stdout.write(`${out.join("\n")}\n`);
