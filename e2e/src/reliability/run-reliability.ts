// One reliability run, shared by the integration test (a few hundred NDRs) and the benchmark
// (bench/reliability/run.ts, thousands): private PostgreSQL, Redis and Dovecot, the compiled
// `safetynet start poller` and `start worker` processes, NDRs delivered into the Maildir at a
// steady rate while the seeded chaos plan kills and restarts things, then a wait (with a deadline)
// until the outcome audit finds nothing missing. Returns the figures; the caller asserts.
import { setTimeout as sleep } from "node:timers/promises";
import { createMaildirWriter } from "@safetynet/testing";
import pg from "pg";
import { applyFault } from "./apply-fault.js";
import { auditOutcome, type Outcome } from "./audit-outcome.js";
import { type Fault, type PlannedFault, planChaos } from "./chaos-plan.js";
import { startPrivateStack } from "./private-stack.js";
import { buildNdr, planNdrs } from "./reliability-ndrs.js";
import { createSeededRandom } from "./seeded-random.js";
import { createServiceProcesses, type ServiceProcesses } from "./service-processes.js";

export interface ReliabilityOptions {
  count: number;
  outages: number;
  outageSize: number;
  /** NDRs delivered per second. */
  rate: number;
  faults: readonly Fault[];
  seed: number;
  /**
   * How long the SMTP relay takes to answer the end of DATA. Longer makes a SIGKILLed worker more
   * likely to die inside DATA (the possible-repeat window), but the worker passes one message at a
   * time through DATA, so it also caps notices at 1000 / relayDelayMs per second.
   */
  relayDelayMs: number;
  /** How long after the last fault the run may take to finish everything. */
  drainTimeoutMs: number;
  log(line: string): void;
}

export interface AppliedFault extends PlannedFault {
  /** When it actually began (a fault waits for the one before it) and how long until the service was back. */
  startedMs: number;
  tookMs: number;
}

export interface ReliabilityReport {
  seed: number;
  applied: AppliedFault[];
  feedMs: number;
  /** From the end of the last fault (its service back) to an outcome with no problem (or the deadline). */
  recoveryMs: number;
  /** From the last NDR delivered to the same moment: the drain after the feed. */
  drainMs: number;
  totalMs: number;
  outcome: Outcome;
  unexpectedExits: string[];
  /** The processes' logs, kept when something failed. */
  logDir: string | null;
}

async function waitForLog(processes: ServiceProcesses, component: "poller" | "worker", text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!processes.log(component).includes(text)) {
    if (Date.now() > deadline) throw new Error(`${component} did not log "${text}" within 60 s`);
    await sleep(100);
  }
}

async function auditWhenReachable(
  databaseUrl: string,
  audit: (sql: pg.ClientBase) => Promise<Outcome>,
): Promise<Outcome | null> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  sql.on("error", () => undefined);
  try {
    await sql.connect();
    return await audit(sql);
  } catch {
    return null; // the database is still coming back: ask again next round
  } finally {
    await sql.end().catch(() => undefined);
  }
}

export async function runReliability(options: ReliabilityOptions): Promise<ReliabilityReport> {
  const started = performance.now();
  const random = createSeededRandom(options.seed);
  const planned = planNdrs(options.count, options.outages, options.outageSize);
  const feedMs = Math.round((options.count / options.rate) * 1000);
  const chaos = planChaos(random, options.faults, feedMs);
  options.log(`reliability: seed ${options.seed} (replay with RELIABILITY_SEED=${options.seed})`);
  for (const fault of chaos)
    options.log(
      `  plan: ${fault.fault} at ${fault.atMs} ms, down ${fault.downMs} ms${fault.fault === "postgres-restart" ? ` (-m ${fault.postgresMode})` : ""}`,
    );

  const stack = await startPrivateStack({ suppliers: options.outages, relayDelayMs: options.relayDelayMs });
  const processes = createServiceProcesses(
    {
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redis.url,
      REDIS_PREFIX: "reliability",
      SAFETYNET_KEY: Buffer.alloc(32, 7).toString("base64"),
      IMAP_URL: stack.dovecot.user.url,
      // A restarted poller waits for its dead predecessor's mailbox lease: 3 s, not the default 30.
      IMAP_LEASE_SECONDS: "3",
      SMTP_URL: stack.smtp.url,
      SMTP_STARTTLS: "off",
      NOTICE_FROM: "sikkerhedsnet@kommune.example",
      INTERNAL_DOMAINS: "kommune.example",
      SUPPLIERS_FILE: stack.suppliersFile,
      WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
      INCIDENT_GROUP_WAIT_SECONDS: "0",
      // Outages resolve after 15 quiet seconds (the sweep runs every 30 s), so a run sees whole lifecycles.
      INCIDENT_RESOLVE_MINUTES: "0.25",
      LOG_LEVEL: "info",
    },
    stack.dir,
  );
  let outcome: Outcome | null = null;
  try {
    const writer = createMaildirWriter(stack.dovecot.user.maildir);
    processes.start("worker");
    processes.start("poller");
    await waitForLog(processes, "worker", '"worker started"');
    await waitForLog(processes, "poller", '"connected and watching"');

    const t0 = performance.now();
    const feed = (async () => {
      for (const ndr of planned) {
        const due = t0 + (ndr.index / options.rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        writer.deliver(
          `${1_800_000_000 + ndr.index}.M${ndr.index}P${process.pid}.reliability`,
          buildNdr(ndr, new Date()),
        );
      }
    })();
    let lastFaultEnd = t0;
    const applied: AppliedFault[] = [];
    for (const fault of chaos) {
      const wait = t0 + fault.atMs - performance.now();
      if (wait > 0) await sleep(wait);
      const begin = performance.now();
      await applyFault(fault, stack, processes);
      lastFaultEnd = performance.now();
      applied.push({ ...fault, startedMs: Math.round(begin - t0), tookMs: Math.round(lastFaultEnd - begin) });
      options.log(`  done: ${fault.fault} at ${Math.round(begin - t0)} ms, back after ${applied.at(-1)!.tookMs} ms`);
    }
    await feed;
    const feedEnd = performance.now();
    const deadline = Math.max(lastFaultEnd, feedEnd) + options.drainTimeoutMs;
    const audit = (sql: pg.ClientBase) =>
      auditOutcome(sql, planned, stack.smtp.messages, stack.supplier.requests, stack.webhookSecret);
    for (;;) {
      outcome = (await auditWhenReachable(stack.databaseUrl, audit)) ?? outcome;
      if ((outcome && outcome.problems.length === 0) || performance.now() > deadline) break;
      await sleep(1_000);
    }
    const settled = performance.now();
    outcome ??= { figures: null as never, problems: ["the database never answered after the last fault"] };
    return {
      seed: options.seed,
      applied,
      feedMs,
      recoveryMs: Math.round(settled - lastFaultEnd),
      drainMs: Math.round(settled - feedEnd),
      totalMs: Math.round(performance.now() - started),
      outcome,
      unexpectedExits: processes.unexpectedExits(),
      logDir: outcome.problems.length ? stack.dir : null,
    };
  } finally {
    await processes.stopAll();
    await stack.destroy({ keepLogs: !outcome || outcome.problems.length > 0 });
  }
}
