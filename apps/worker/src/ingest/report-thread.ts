// Entry of the helper thread that reads large messages (read-report-in-thread.ts): a 10,000-recipient
// DSN takes a few hundred milliseconds to parse and classify, which on the worker's own thread would
// hold every other sender's message for that long.
import { parentPort } from "node:worker_threads";
import type { ResponsibilityRules } from "@safetynet/classifier";
import { type ReportInput, readReport } from "./read-report.js";

export interface ReportRequest {
  id: number;
  input: ReportInput;
  rules: ResponsibilityRules;
}

parentPort?.on("message", ({ id, input, rules }: ReportRequest) => {
  try {
    parentPort!.postMessage({ id, result: readReport(input, rules) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
