// The reliability suite at full size: 5,000 NDRs (default) through the compiled `safetynet start
// poller` and `start worker` processes, notices and supplier webhooks, while the worker and the
// poller are SIGKILLed and Redis, PostgreSQL and Dovecot restarted at random (seeded) moments;
// then every message stored once, every failure classified once, every sender told, every
// supplier event delivered. Private instances of every service, so the shared ones stay up.
// The same code as the integration test (e2e/src/reliability), bigger.
//   npx tsx bench/reliability/run.ts [COUNT] [RATE]     default 5000 NDRs at 50/s
//   RELIABILITY_SEED=N      replays a run's fault order, moments and outage lengths
//   RELIABILITY_WIPE=1      adds a Redis restart WITHOUT its data (no persistence) to the faults
//   RELIABILITY_DRAIN_SECONDS=N  how long the run may take to settle after the last fault (default 600)
// Needs `npm run build` (the compiled CLI), redis-server, dovecot and PostgreSQL's server binaries.
import { FAULTS, type Fault } from "../../e2e/src/reliability/chaos-plan.js";
import { formatReport } from "../../e2e/src/reliability/format-report.js";
import { runReliability } from "../../e2e/src/reliability/run-reliability.js";
import { chooseSeed } from "../../e2e/src/reliability/seeded-random.js";

const [countArg = "5000", rateArg = "50"] = process.argv.slice(2);
const count = Number(countArg);
const faults: Fault[] = [...FAULTS, ...(process.env.RELIABILITY_WIPE === "1" ? (["redis-wipe"] as const) : [])];
const report = await runReliability({
  count,
  outages: 3,
  // 120 senders each: the incident crosses the updates at 10 and 100 failures.
  outageSize: Math.min(120, Math.floor(count / 12)),
  rate: Number(rateArg),
  faults,
  // RELIABILITY_RELAY_MS: the relay's answer to the end of DATA (default 5 ms; the worker sends
  // one message at a time through DATA, so this caps notices at 1000 / RELAY_MS per second).
  relayDelayMs: Number(process.env.RELIABILITY_RELAY_MS ?? 5),
  seed: chooseSeed(process.env.RELIABILITY_SEED),
  drainTimeoutMs: Number(process.env.RELIABILITY_DRAIN_SECONDS ?? 600) * 1000,
  log: (line) => console.log(line),
});
console.log(formatReport(report).join("\n"));
process.exit(report.outcome.problems.length || report.unexpectedExits.length ? 1 : 0);
