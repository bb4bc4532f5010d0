// `safetynet cpr [--json] [--threshold N]`: reads text on stdin, prints it with CPR numbers masked
// and one line (or JSON entry) per match. Never prints a full CPR number; needs no services.
import { type CprMatch, DEFAULT_THRESHOLD, find, MASK_THRESHOLD, mask } from "@safetynet/cpr";
import { readArgs, UsageError } from "../read-args.js";

const USAGE = `usage: safetynet cpr [--json] [--threshold N] < text

Reads text on stdin and prints it with every plausible CPR number masked (DDMMXX-XXXX), then the
matches: offset, length, masked value, confidence, tier and reasons.
  --json         print one JSON object {"masked": "...", "matches": [...], "maskedBelowThreshold": [...]}
  --threshold N  report (and mask) matches with confidence >= N (default: report >= ${DEFAULT_THRESHOLD}, mask >= ${MASK_THRESHOLD})
`;

/** The --threshold value as a number from 0 to 1; a UsageError otherwise. */
function readThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (value === "" || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new UsageError(`--threshold expects a number from 0 to 1, got ${JSON.stringify(value)}`);
  }
  return threshold;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function describe(match: CprMatch): string {
  return `offset ${match.offset} length ${match.length} ${match.masked} confidence ${match.confidence.toFixed(2)} ${match.tier} (${match.reasons.join(", ")})`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = readArgs({
    args,
    options: { json: { type: "boolean" }, threshold: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = { json: values.json === true, threshold: readThreshold(values.threshold) };
  const text = await readStdin();
  const now = new Date();
  const maskThreshold = parsed.threshold ?? MASK_THRESHOLD;
  const reportThreshold = parsed.threshold ?? DEFAULT_THRESHOLD;
  const masked = mask(text, { now, threshold: maskThreshold });
  // One scan at the lower threshold: matches are the reported ones; the rest were masked as a
  // guard only (plausible, but context makes them look like another number), shown for audit.
  const all = find(text, { now, threshold: Math.min(maskThreshold, reportThreshold) });
  const matches = all.filter((m) => m.confidence >= reportThreshold);
  const maskedBelowThreshold = all.filter((m) => m.confidence < reportThreshold && m.confidence >= maskThreshold);

  if (parsed.json) {
    process.stdout.write(`${JSON.stringify({ masked, matches, maskedBelowThreshold })}\n`);
    return 0;
  }
  process.stdout.write(masked.endsWith("\n") || masked === "" ? masked : `${masked}\n`);
  process.stdout.write(
    `\n${matches.length} match${matches.length === 1 ? "" : "es"} (confidence >= ${reportThreshold})\n`,
  );
  for (const match of matches) process.stdout.write(`${describe(match)}\n`);
  if (maskedBelowThreshold.length > 0) {
    process.stdout.write(
      `${maskedBelowThreshold.length} more masked as a precaution (confidence >= ${maskThreshold})\n`,
    );
    for (const match of maskedBelowThreshold) process.stdout.write(`${describe(match)}\n`);
  }
  return 0;
}
