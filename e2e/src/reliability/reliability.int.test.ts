// The reliability suite in CI: 500 NDRs through the compiled poller and worker processes, the
// notices and the supplier's webhooks, while the worker and the poller are SIGKILLed and Redis,
// PostgreSQL and Dovecot are restarted at random (seeded) moments, each once. Private instances
// of every service (run-reliability.ts), so the shared ones stay up for everyone else. The full
// 5,000-NDR run is bench/reliability/run.ts.
import { describe, expect, it } from "vitest";
import { FAULTS } from "./chaos-plan.js";
import { formatReport } from "./format-report.js";
import { runReliability } from "./run-reliability.js";
import { chooseSeed } from "./seeded-random.js";

describe("reliability under chaos", () => {
  it("stores, classifies, notifies and escalates everything once, whatever is killed or restarted", {
    timeout: 300_000,
  }, async () => {
    const report = await runReliability({
      count: 500,
      outages: 3,
      outageSize: 12,
      rate: 25,
      faults: FAULTS,
      // A 100 ms relay: a killed worker often dies inside DATA. Notices then go out at 10/s at most
      // (one message at a time through DATA), so the 500 take about 50 s.
      relayDelayMs: 100,
      seed: chooseSeed(process.env.RELIABILITY_SEED),
      drainTimeoutMs: 180_000,
      log: (line) => console.log(line),
    });
    console.log(formatReport(report).join("\n"));
    expect(report.outcome.problems).toEqual([]);
    expect(report.applied.map((fault) => fault.fault).sort()).toEqual([...FAULTS].sort());
    expect(report.unexpectedExits).toEqual([]);
    const { figures } = report.outcome;
    expect(figures.stored).toBe(500);
    expect(figures.notices.missing).toBe(0);
    expect(figures.notices.extraCopies).toBeLessThanOrEqual(figures.possibleDuplicatesRecorded);
    expect(figures.webhooks.received).toBe(figures.webhooks.events);
    expect(figures.webhooks.incidents).toBeGreaterThanOrEqual(3);
  });
});
