// The CPU-bound middle of preparing a message, with no I/O: parse the bounce, find a canary
// probe's token, read the NDR's own facts, classify, and turn each failure into its row. It runs
// in the worker's thread for ordinary messages and in a helper thread for large ones
// (read-report-in-thread.ts), so its input and output are plain, cloneable data.
import { classifyReport, type ResponsibilityRules, readNdrFacts } from "@safetynet/classifier";
import { canaryTokenOfOriginal } from "@safetynet/core";
import { parseMessage } from "@safetynet/ndr";
import type { PreparedFailure } from "./group-batch.js";
import { toNewFailure } from "./to-new-failure.js";

export interface ReportInput {
  messageId: string;
  bytes: Uint8Array;
  live: boolean;
  /** When the message was stored: the event time when the NDR names none. */
  fallbackAt: number;
}

export type ReadReport =
  | { outcome: "unreadable"; reason: string }
  | { outcome: "canary"; probeId: string; isBounce: boolean }
  | { outcome: "read"; kind: string; at: number; decodedBy: string | null; failures: PreparedFailure[] };

/** The first line of an error, short: a quarantine reason, never mail text. */
export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500);
}

export function readReport(input: ReportInput, rules: ResponsibilityRules): ReadReport {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  let report: ReturnType<typeof parseMessage>;
  try {
    report = parseMessage(bytes);
  } catch (error) {
    return { outcome: "unreadable", reason: `cannot parse: ${errorText(error)}` };
  }
  const probeId = canaryTokenOfOriginal(report.original);
  if (probeId) return { outcome: "canary", probeId, isBounce: report.kind === "bounce" };
  // Event time: the NDR's own Date, as the classify command orders messages; then what we know.
  const facts = readNdrFacts(bytes);
  const at = facts.at ?? (report.arrivalDate ? Date.parse(report.arrivalDate) : null) ?? input.fallbackAt;
  const { kind, failures } = classifyReport(report, rules, { ndrSubjectHasCpr: facts.ndrSubjectHasCpr });
  return {
    outcome: "read",
    kind,
    at,
    decodedBy: report.decodedBy ?? null,
    failures: failures.map((classified) => ({
      classified,
      row: toNewFailure(input.messageId, report, classified, at, !input.live),
    })),
  };
}
