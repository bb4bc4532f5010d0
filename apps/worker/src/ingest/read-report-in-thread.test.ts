// The helper thread of the compiled worker (apps/cli/dist/report-thread.js, built by this
// project's global setup) reads a 10,000-recipient DSN exactly as the worker's own thread does;
// a thread that cannot start leaves the message to be read inline.
import path from "node:path";
import { DEFAULT_RULES } from "@safetynet/classifier";
import { makeDsn } from "@safetynet/classifier/test-support";
import { REPO_ROOT } from "@safetynet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { readReport } from "./read-report.js";
import { createReportReader, type ReportReader, THREAD_FROM_BYTES } from "./read-report-in-thread.js";

const SCRIPT = path.join(REPO_ROOT, "apps/cli/dist/report-thread.js");

function bigDsn(recipients: number): Buffer {
  return Buffer.from(
    makeDsn({
      id: "mass",
      date: new Date("2026-12-04T10:00:00Z"),
      from: "sb@kommune.example",
      to: "borger0@example0.org",
      moreRecipients: Array.from({ length: recipients - 1 }, (_, n) => `borger${n + 1}@example${(n + 1) % 7}.org`),
      subject: "Brevfletning",
      status: "5.1.1",
      diagnostic: "550 5.1.1 User unknown",
    }),
  );
}

/** The rows without their random ids: what both threads must agree on. */
function comparable(result: ReturnType<typeof readReport>) {
  if (result.outcome !== "read") return result;
  return {
    ...result,
    failures: result.failures.map(({ row: { id: _id, ...row }, classified }) => ({ row, classified })),
  };
}

let reader: ReportReader | undefined;
afterEach(async () => {
  await reader?.close();
  reader = undefined;
});

describe("reading large messages in the helper thread", () => {
  const input = {
    messageId: "raw-1",
    bytes: bigDsn(10_000),
    live: true,
    fallbackAt: Date.parse("2026-12-04T10:00:00Z"),
  };

  it("gives the same failures as the worker's own thread for a 10,000-recipient DSN", async () => {
    expect(input.bytes.byteLength).toBeGreaterThan(THREAD_FROM_BYTES);
    reader = createReportReader(undefined, SCRIPT);
    const threaded = await reader.read(input, DEFAULT_RULES);
    expect(threaded.outcome).toBe("read");
    if (threaded.outcome !== "read") return;
    expect(threaded.failures).toHaveLength(10_000);
    expect(threaded.failures[9_999]!.row.recipient).toBe("borger9999@example3.org");
    expect(comparable(threaded)).toEqual(comparable(readReport(input, DEFAULT_RULES)));
  });

  it("reads inline when the thread cannot start", async () => {
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message: string) => warnings.push(message) } as never;
    reader = createReportReader(logger, path.join(REPO_ROOT, "apps/cli/dist/no-such-thread.js"));
    const result = await reader.read(input, DEFAULT_RULES);
    expect(result.outcome === "read" && result.failures.length).toBe(10_000);
    expect(warnings).toEqual(["report thread stopped: large messages are read on the worker's thread"]);
  });
});
