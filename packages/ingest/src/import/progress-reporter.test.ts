import { describe, expect, it } from "vitest";
import { emptySummary, formatSummary } from "./import-summary.js";
import { createProgressReporter } from "./progress-reporter.js";

function capture(isTTY: boolean) {
  const output: string[] = [];
  let clock = 0;
  const progress = createProgressReporter(
    { write: (text: string) => output.push(text), isTTY },
    { now: () => clock, plainEveryMs: 5_000 },
  );
  return { output, progress, tick: (ms: number) => (clock += ms) };
}

describe("progress reporter", () => {
  it("redraws one bar with rate and ETA on a terminal", () => {
    const { output, progress, tick } = capture(true);
    progress.addTotal(1_000);
    tick(1_000);
    progress.advance(250, 500);
    expect(output.at(-1)).toMatch(/^\r\[#{8}-{22}\] {2}25\.0% {2}500 messages {2}500 msg\/s {2}ETA 0:03/);
    progress.finish();
    expect(output.at(-1)).toMatch(/100\.0%.*\n$/);
  });
  it("prints plain lines, at most every few seconds, when not on a terminal", () => {
    const { output, progress, tick } = capture(false);
    progress.addTotal(10);
    tick(6_000);
    progress.advance(1, 1);
    progress.advance(1, 1);
    expect(output).toHaveLength(1);
    expect(output[0]).toMatch(/^import: 10\.0% {2}1 messages/);
    expect(output[0]).not.toContain("\r");
  });
});

describe("import summary", () => {
  it("says what was stored, already there and quarantined, and names failed sources", () => {
    const text = formatSummary({
      ...emptySummary(),
      read: 10,
      stored: 7,
      alreadyStored: 3,
      quarantined: 1,
      seconds: 2,
      failedSources: [{ source: "x.mbox", error: "EACCES" }],
    });
    expect(text).toContain("10 messages read in 2.0 s (5 msg/s)");
    expect(text).toMatch(/stored now: +7/);
    expect(text).toMatch(/already stored: +3/);
    expect(text).toContain("FAILED x.mbox: EACCES");
  });
});
