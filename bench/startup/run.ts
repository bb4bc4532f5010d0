// Start-up of the compiled `safetynet` command against a bare `node -e 0`, whole process, measured
// with hyperfine. Run: npx tsx bench/startup/run.ts [--rounds N] (needs `apt-get install hyperfine`)
// Fairness: every command runs through the same shell (hyperfine subtracts the shell's own start);
// rounds alternate (bare node, --help, cpr, parse, bare node, ...) so all see the same machine
// load; each figure is the median of every run of every round. CPU time (user + system of the
// whole process, the median of each round's mean) is printed too: on a busy machine wall time
// mostly measures waiting for a core, CPU time what the start-up itself costs. Also prints the build time (a
// fresh esbuild run, and turbo's cached replay) and, for contrast, --help from the TypeScript
// sources through tsx (how the command started before the build step).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } } });
const rounds = Number(values.rounds);
const RUNS_PER_ROUND = 3;

const bin = "apps/cli/bin/safetynet.js";
const eml = "packages/ndr/fixtures/content-filter-personal-data.eml";
const COMMANDS: { name: string; command: string; goal?: (ms: number, bare: number) => string }[] = [
  { name: "node -e 0", command: "node -e 0" },
  { name: "safetynet --help", command: `node ${bin} --help`, goal: (ms, bare) => within2x(ms, bare) },
  {
    name: "echo text | safetynet cpr",
    command: `echo 'Sag 010203-1234 vedr. ansøgning' | node ${bin} cpr`,
    goal: (ms, bare) => within2x(ms, bare),
  },
  {
    name: "safetynet parse one.eml",
    command: `node ${bin} parse ${eml}`,
    goal: (ms) => `goal < 150 ms: ${ms < 150 ? "met" : "not met"}`,
  },
  { name: "--help from sources (tsx)", command: `node --import tsx apps/cli/src/main.ts --help` },
];

function within2x(ms: number, bare: number): string {
  return `goal <= 2x bare node: ${ms <= 2 * bare ? "met" : "not met"}`;
}

const median = (list: number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function build(): { fresh: number; cached: number } {
  const time = (command: string, args: string[]) => {
    const started = performance.now();
    execFileSync(command, args, { cwd: root, stdio: "ignore", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
    return performance.now() - started;
  };
  const fresh = time(process.execPath, ["apps/cli/scripts/build.mjs"]);
  time("npx", ["turbo", "run", "build"]); // fills turbo's cache for this exact tree
  return { fresh, cached: time("npx", ["turbo", "run", "build"]) };
}

const { fresh, cached } = build();
const samples = new Map<string, number[]>(COMMANDS.map(({ name }) => [name, []]));
const cpu = new Map<string, number[]>(COMMANDS.map(({ name }) => [name, []]));
const scratch = mkdtempSync(path.join(tmpdir(), "safetynet-startup-"));
try {
  for (let round = 0; round < rounds; round++) {
    const out = path.join(scratch, `round-${round}.json`);
    execFileSync(
      "hyperfine",
      [
        "--warmup",
        "1",
        "--runs",
        String(RUNS_PER_ROUND),
        "--style",
        "none",
        "--export-json",
        out,
        ...COMMANDS.map(({ command }) => command),
      ],
      { cwd: root, stdio: "ignore" },
    );
    const results = JSON.parse(readFileSync(out, "utf8")).results as {
      times: number[];
      user: number;
      system: number;
    }[];
    for (const [index, result] of results.entries()) {
      const name = COMMANDS[index]!.name;
      samples.get(name)!.push(...result.times.map((seconds) => seconds * 1000));
      cpu.get(name)!.push((result.user + result.system) * 1000);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const bare = median(samples.get("node -e 0")!);
const bareCpu = median(cpu.get("node -e 0")!);
process.stdout.write(
  `start-up, whole process, median of ${rounds} alternating rounds x ${RUNS_PER_ROUND} runs (hyperfine), load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")}\n`,
);
for (const { name, goal } of COMMANDS) {
  const ms = median(samples.get(name)!);
  const cpuMs = median(cpu.get(name)!);
  const ratios =
    name === "node -e 0" ? "" : ` (${(ms / bare).toFixed(2)}x, cpu ${(cpuMs / bareCpu).toFixed(2)}x bare node)`;
  process.stdout.write(
    `  ${name.padEnd(27)} ${ms.toFixed(1).padStart(7)} ms, cpu ${cpuMs.toFixed(1).padStart(6)} ms${ratios}${goal ? `  ${goal(ms, bare)}` : ""}\n`,
  );
}
process.stdout.write(
  `build: ${Math.round(fresh)} ms fresh (node apps/cli/scripts/build.mjs), ${Math.round(cached)} ms cached (npx turbo run build)\n`,
);
