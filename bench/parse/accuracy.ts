// Accuracy of the parser on the Sisimai corpus (../shared/corpus/set-of-emails/expected.jsonl):
// per file, is the multiset of reasons exact, are the statuses right (Sisimai's X.0.9NN pseudo
// codes ignored), is the recipient set right. Run: npx tsx bench/parse/accuracy.ts [--family lhost-exim] [-v]
// Lives outside packages/ndr because it reads files, which the pure package may not (tests may).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMbox, splitMboxBytes } from "../../packages/mail-files/src/index.js";
import { parseMessage } from "../../packages/ndr/src/index.js";
import type { BounceReport } from "../../packages/ndr/src/types.js";

// The corpus sits in ../shared beside the checkout (/work/main -> /work/shared); a worktree is one
// level deeper, so look upwards for it.
function findCorpus(): string {
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  for (let up = 0; up < 4; up++) {
    const candidate = join(dir, "..", "shared/corpus/set-of-emails");
    if (existsSync(join(candidate, "expected.jsonl"))) return candidate;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/set-of-emails");
}

export const DEFAULT_CORPUS = findCorpus();

interface ExpectedEntry {
  status: string;
  replycode: string;
  reason: string;
  hardbounce: boolean;
}
interface ExpectedLine {
  file: string;
  expected: ExpectedEntry[];
  /** Absent when go-sisimai states none: the recipient check then skips the file. */
  recipients?: string[];
}

export interface FileResult {
  file: string;
  reasonsOk: boolean;
  statusOk: boolean;
  /** null when the corpus states no recipients for the file. */
  recipientsOk: boolean | null;
  hardBounceOk: boolean;
  expectedReasons: string[];
  gotReasons: string[];
  expectedStatuses: string[];
  gotStatuses: string[];
  expectedRecipients: string[];
  gotRecipients: string[];
  decodedBy: string | null;
  error?: string;
}

export interface AccuracyFigures {
  files: number;
  reasons: number;
  statuses: number;
  /** Share of the files whose expected recipients are stated (1 when none are: nothing to miss). */
  recipients: number;
  /** How many files state their recipients; 0 prints "n/a". */
  recipientsJudged: number;
  hardBounce: number;
  results: FileResult[];
}

// Sisimai invents codes when a bounce states none: X.0.9NN (p5 v4/v5) and X.9.NNN (go-sisimai)
const isPseudo = (status: string): boolean =>
  status === "" || /^\d\.0\.9\d\d$/.test(status) || /^\d\.9\.\d{3}$/.test(status);

function statusesMatch(expected: string[], got: string[]): boolean {
  if (expected.length !== got.length) return false;
  const pool = [...got];
  for (const status of expected.filter((s) => !isPseudo(s))) {
    const at = pool.indexOf(status);
    if (at < 0) return false;
    pool.splice(at, 1);
  }
  return true;
}

const sorted = (values: string[]): string[] => [...values].sort();
const sameMultiset = (a: string[], b: string[]): boolean => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

export function checkFile(line: ExpectedLine, report: BounceReport): FileResult {
  const got = report.recipients;
  const gotReasons = got.map((r) => r.reason as string);
  const expectedReasons = line.expected.map((e) => e.reason);
  const gotStatuses = got.map((r) => r.status ?? "");
  const expectedStatuses = line.expected.map((e) => e.status);
  const gotRecipients = [...new Set(got.map((r) => r.address.toLowerCase()))];
  const expectedRecipients = [...new Set((line.recipients ?? []).map((r) => r.toLowerCase()))];
  const hard = (list: boolean[]): string[] => list.map(String);
  return {
    file: line.file,
    reasonsOk: sameMultiset(expectedReasons, gotReasons),
    statusOk: statusesMatch(expectedStatuses, gotStatuses),
    recipientsOk: line.recipients ? sameMultiset(expectedRecipients, gotRecipients) : null,
    hardBounceOk: sameMultiset(hard(line.expected.map((e) => e.hardbounce)), hard(got.map((r) => r.hardBounce))),
    expectedReasons,
    gotReasons,
    expectedStatuses,
    gotStatuses,
    expectedRecipients,
    gotRecipients,
    decodedBy: report.decodedBy,
  };
}

/** A file's family: its name without the number, e.g. `lhost-postfix` for lhost-postfix-21.eml. */
export const familyOf = (file: string): string => (file.split("/").pop() ?? file).replace(/-\d+\.eml$/, "");

// FNV-1a over seed + name: a fixed, platform-independent order inside each family.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Seed of the held-out split. Fixed, so the split never drifts towards the files rules were tuned on. */
export const HOLD_OUT_SEED = "safetynet-ndr-holdout-1";

/**
 * The held-out quarter: in each family, the round(n/4) files first in seeded-hash order (a family
 * of one file keeps it for tuning, of two or three holds one out). Rule changes are made looking at
 * the misses of the other files only (`-v` prints those); the held-out figure shows how the rules
 * do on files they were not written against.
 */
export function heldOutFiles(files: readonly string[], seed = HOLD_OUT_SEED): Set<string> {
  const byFamily = new Map<string, string[]>();
  for (const file of files) {
    const family = familyOf(file);
    const list = byFamily.get(family) ?? [];
    list.push(file);
    byFamily.set(family, list);
  }
  const held = new Set<string>();
  for (const list of byFamily.values()) {
    const ordered = [...list].sort((a, b) => fnv1a(seed + a) - fnv1a(seed + b) || (a < b ? -1 : 1));
    for (const file of ordered.slice(0, Math.round(list.length / 4))) held.add(file);
  }
  return held;
}

/**
 * A file as `safetynet parse` reads it: an mbox (a few corpus files are two bounces in mbox form)
 * is split by the same front end and its messages' recipients are counted together, as Sisimai does.
 */
function parseFile(file: string, raw: Buffer): BounceReport {
  if (!isMbox(raw.subarray(0, 1024))) return parseMessage(raw);
  const reports = splitMboxBytes(raw, { file }).map((message) => parseMessage(message.bytes));
  const first = reports[0] ?? parseMessage(raw);
  return { ...first, recipients: reports.flatMap((report) => report.recipients) };
}

export function corpusAvailable(corpus = DEFAULT_CORPUS): boolean {
  return existsSync(join(corpus, "expected.jsonl"));
}

export type Split = "all" | "tuning" | "held-out";

export function runAccuracy(options: { corpus?: string; family?: string; split?: Split } = {}): AccuracyFigures {
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  const lines = readFileSync(join(corpus, "expected.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExpectedLine)
    .filter((l) => !options.family || l.file.split("/").pop()!.startsWith(options.family));
  const split = options.split ?? "all";
  const held = split === "all" ? new Set<string>() : heldOutFiles(lines.map((l) => l.file));
  const chosen = split === "all" ? lines : lines.filter((l) => held.has(l.file) === (split === "held-out"));
  const results: FileResult[] = [];
  for (const line of chosen) {
    const raw = readFileSync(join(corpus, line.file));
    try {
      results.push(checkFile(line, parseFile(line.file, raw)));
    } catch (error) {
      results.push({
        file: line.file,
        reasonsOk: false,
        statusOk: false,
        recipientsOk: false,
        hardBounceOk: false,
        expectedReasons: line.expected.map((e) => e.reason),
        gotReasons: [],
        expectedStatuses: [],
        gotStatuses: [],
        expectedRecipients: line.recipients ?? [],
        gotRecipients: [],
        decodedBy: null,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  return summarise(results);
}

/** The figures over a set of per-file results (the whole corpus, or one split of it). */
export function summarise(results: FileResult[]): AccuracyFigures {
  const share = (key: "reasonsOk" | "statusOk" | "recipientsOk" | "hardBounceOk"): number => {
    const judged = results.filter((r) => r[key] !== null);
    return judged.length ? judged.filter((r) => r[key]).length / judged.length : 1;
  };
  return {
    files: results.length,
    reasons: share("reasonsOk"),
    statuses: share("statusOk"),
    recipients: share("recipientsOk"),
    recipientsJudged: results.filter((r) => r.recipientsOk !== null).length,
    hardBounce: share("hardBounceOk"),
    results,
  };
}

export function formatFigures(figures: AccuracyFigures): string {
  const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
  return `files ${figures.files}  reasons ${pct(figures.reasons)}  statuses ${pct(figures.statuses)}  recipients ${figures.recipientsJudged ? pct(figures.recipients) : "n/a"}  hardBounce ${pct(figures.hardBounce)}`;
}

function main(argv: string[]): void {
  const verbose = argv.includes("-v") || argv.includes("--verbose");
  const familyAt = argv.indexOf("--family");
  const corpusAt = argv.indexOf("--corpus");
  const family = familyAt >= 0 ? argv[familyAt + 1] : undefined;
  const corpus = corpusAt >= 0 ? argv[corpusAt + 1] : DEFAULT_CORPUS;
  if (!corpusAvailable(corpus)) {
    process.stderr.write(`corpus not found at ${corpus}\n`);
    process.exitCode = 2;
    return;
  }
  const all = runAccuracy({ corpus, family });
  const held = heldOutFiles(all.results.map((r) => r.file));
  const figures = summarise(all.results.filter((r) => !held.has(r.file)));
  const heldFigures = summarise(all.results.filter((r) => held.has(r.file)));
  if (verbose) {
    // Only the tuning split's misses: looking at the held-out files would make them tuned too.
    const shown = argv.includes("--show-held-out") ? all.results : figures.results;
    for (const r of shown) {
      if (r.reasonsOk && r.statusOk && r.recipientsOk !== false) continue;
      const flags = `${r.reasonsOk ? "" : "R"}${r.statusOk ? "" : "S"}${r.recipientsOk === false ? "A" : ""}`;
      process.stdout.write(
        `${flags.padEnd(3)} ${r.file.replace("maildir/bsd/", "")} [${r.decodedBy}] reasons ${r.expectedReasons.join(",")} <> ${r.gotReasons.join(",")}` +
          (r.statusOk ? "" : ` | status ${r.expectedStatuses.join(",")} <> ${r.gotStatuses.join(",")}`) +
          (r.recipientsOk !== false
            ? ""
            : ` | rcpt ${r.expectedRecipients.join(",")} <> ${r.gotRecipients.join(",")}`) +
          (r.error ? `\n    ${r.error.split("\n").slice(0, 3).join("\n    ")}` : "") +
          "\n",
      );
    }
  }
  const suffix = family ? `  (family ${family})` : "";
  process.stdout.write(`tuning    ${formatFigures(figures)}${suffix}\n`);
  process.stdout.write(`held-out  ${formatFigures(heldFigures)}${suffix}\n`);
  process.stdout.write(`all       ${formatFigures(all)}${suffix}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
