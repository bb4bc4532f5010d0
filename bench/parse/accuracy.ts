// Accuracy of the parser on the Sisimai corpus (../shared/corpus/set-of-emails/expected.jsonl):
// per file, is the multiset of reasons exact, are the statuses right (Sisimai's X.0.9NN pseudo
// codes ignored), is the recipient set right. Run: npx tsx bench/parse/accuracy.ts [--family lhost-exim] [-v]
// Lives outside packages/ndr because it reads files, which the pure package may not (tests may).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseMessage } from "../../packages/ndr/src/index.js";
import type { BounceReport } from "../../packages/ndr/src/types.js";

export const DEFAULT_CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/set-of-emails");

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

export function corpusAvailable(corpus = DEFAULT_CORPUS): boolean {
  return existsSync(join(corpus, "expected.jsonl"));
}

export function runAccuracy(options: { corpus?: string; family?: string } = {}): AccuracyFigures {
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  const lines = readFileSync(join(corpus, "expected.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExpectedLine)
    .filter((l) => !options.family || l.file.split("/").pop()!.startsWith(options.family));
  const results: FileResult[] = [];
  for (const line of lines) {
    const raw = readFileSync(join(corpus, line.file));
    try {
      results.push(checkFile(line, parseMessage(raw)));
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
  const figures = runAccuracy({ corpus, family });
  if (verbose) {
    for (const r of figures.results) {
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
  process.stdout.write(`${formatFigures(figures) + (family ? `  (family ${family})` : "")}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
