// Reads large messages in one helper thread, so that parsing and classifying a 10,000-recipient DSN
// does not hold the worker's event loop (and every other sender's notice) for hundreds of
// milliseconds. Small messages stay on the worker's thread: handing one over costs more than
// reading it. If the thread cannot start or dies, the message is read here instead: the helper
// is a matter of pace, never of correctness.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ResponsibilityRules } from "@safetynet/classifier";
import type { Logger } from "@safetynet/config";
import { type ReadReport, type ReportInput, readReport } from "./read-report.js";

/** Messages from this size on are read in the helper thread (a DSN of about 100 recipients). */
export const THREAD_FROM_BYTES = 64 * 1024;

/**
 * The thread's script: beside the compiled bundle's chunks (dist/report-thread.js, an entry of
 * apps/cli/scripts/build.mjs), or none when running from TypeScript sources (tests): then every
 * message is read on the worker's thread.
 */
function threadScript(): string | null {
  const here = import.meta.url;
  if (here.endsWith(".ts")) return null;
  for (const candidate of ["../report-thread.js", "./report-thread.js"]) {
    const file = fileURLToPath(new URL(candidate, here));
    if (existsSync(file)) return file;
  }
  return null;
}

export interface ReportReader {
  read(input: ReportInput, rules: ResponsibilityRules): Promise<ReadReport>;
  close(): Promise<void>;
}

export function createReportReader(logger?: Logger, script = threadScript()): ReportReader {
  let thread: Worker | null = null;
  let broken = !script;
  let next = 0;
  const waiting = new Map<number, { resolve(result: ReadReport): void; reject(error: Error): void }>();

  function start(): Worker {
    const worker = new Worker(script!);
    worker.unref();
    worker.on("message", ({ id, result, error }: { id: number; result?: ReadReport; error?: string }) => {
      const entry = waiting.get(id);
      waiting.delete(id);
      if (error !== undefined) entry?.reject(new Error(error));
      else entry?.resolve(result!);
    });
    const fail = (error: Error) => {
      logger?.warn({ error: error.message }, "report thread stopped: large messages are read on the worker's thread");
      broken = true;
      thread = null;
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (thread === worker) fail(new Error(`report thread exited with code ${code}`));
    });
    return worker;
  }

  return {
    async read(input, rules) {
      if (broken || input.bytes.byteLength < THREAD_FROM_BYTES) return readReport(input, rules);
      thread ??= start();
      const id = next++;
      try {
        return await new Promise<ReadReport>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          thread!.postMessage({ id, input, rules });
        });
      } catch {
        return readReport(input, rules);
      }
    },
    async close() {
      const worker = thread;
      thread = null;
      await worker?.terminate();
    },
  };
}
