// `classify --silences FILE`: staff's silences in the shape they create them (the Silence row, as
// createSilence takes it), checked by a zod schema, as the expiry times the grouping step reads.
import { readFile } from "node:fs/promises";
import { AppError } from "@safetynet/core";
import { z } from "zod";

const FORMAT = "[{fingerprint, reason, createdBy, expiresAt}]";

function text(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? "missing" : `expected ${what} as a string`) });
}

const silenceSchema = z.object(
  {
    // 16 hex characters (src/fingerprint.ts); a pasted incident key ("<fingerprint>-1") would never match.
    fingerprint: text("the fingerprint").regex(
      /^[0-9a-f]{16}$/,
      "expected 16 hex characters (an incident key without its -N)",
    ),
    // As createSilence: a muted fault is always explained.
    reason: text("the reason").refine((reason) => reason.trim() !== "", "a silence needs a reason"),
    createdBy: text("who made it").refine((person) => person.trim() !== "", "a silence needs the person who made it"),
    expiresAt: z.iso.datetime({
      offset: true,
      error: (issue) =>
        issue.input === undefined ? "missing" : "expected an ISO time with a zone, e.g. 2026-11-03T12:00:00Z",
    }),
  },
  { error: `expected an object ${FORMAT.slice(1, -1)}` },
);

const fileSchema = z.array(silenceSchema, { error: `expected a JSON array of silences ${FORMAT}` });

/**
 * Expiry times (epoch ms) by fingerprint, as the worker hands them to the grouping step. Nothing is
 * dropped here: whether a silence counts is decided by the step at each event's time (the NDR's Date).
 */
export async function readSilencesFile(file: string): Promise<Map<string, number[]>> {
  const invalid = (problem: string, cause?: unknown) =>
    new AppError("VALIDATION_FAILED", { message: `--silences ${file}: ${problem}`, cause });
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw invalid(
      error instanceof SyntaxError ? `not JSON (${error.message})` : `cannot read it (${(error as Error).message})`,
      error,
    );
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw invalid(describeIssues(parsed.error, data));
  const expiries = new Map<string, number[]>();
  for (const { fingerprint, expiresAt } of parsed.data)
    expiries.set(fingerprint, [...(expiries.get(fingerprint) ?? []), Date.parse(expiresAt)]);
  return expiries;
}

/** Names the bad entry (counted from 1, with its fingerprint when it has one) and the field. */
function describeIssues(error: z.ZodError, data: unknown): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const [index, field] = issue.path;
    if (typeof index !== "number") return issue.message;
    const fingerprint = (data as { fingerprint?: unknown }[])[index]?.fingerprint;
    const entry = `entry ${index + 1}${typeof fingerprint === "string" ? ` (fingerprint "${fingerprint}")` : ""}`;
    return field === undefined ? `${entry}: ${issue.message}` : `${entry}: ${String(field)}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join("; ") + (more > 0 ? ` (and ${more} more)` : "");
}
