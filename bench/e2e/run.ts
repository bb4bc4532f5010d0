// End to end, as an operator runs it: a real Dovecot mailbox, the real `safetynet start` process
// (the compiled bundle, `node apps/cli/bin/safetynet.js start`, shipped defaults), and a loopback
// SMTP listener counting notices. Time is from a message's arrival in the mailbox (written into
// the Maildir) to its notice accepted by the listener.
//   npx tsx bench/e2e/run.ts burst [COUNT]           COUNT individual failures at once (default 10000)
//   npx tsx bench/e2e/run.ts steady [RATE] [SECONDS] a steady stream (default 50/s for 30 s)
//   npx tsx bench/e2e/run.ts storm [RATE] [SECONDS]  the steady stream plus one DSN naming 10,000 recipients after 5 s
// BENCH_RELAY_MS=100: a relay that takes 100 ms to accept each notice (content scanning).
// Needs `bash scripts/services up` and `npm run build`.
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { createUtcSqlPool } from "@safetynet/db";
import {
  createDovecotUser,
  createMaildirWriter,
  createTestDatabase,
  createTestRedis,
  startSmtpListener,
  waitForDovecotLogin,
} from "@safetynet/testing";
import { makeDsn } from "./make-dsn.js";
import { cpuBetween, type ProcessSample, peakMemoryByLabel, sampleProcesses } from "./process-usage.js";

const [mode = "burst", a, b] = process.argv.slice(2);
const KEY = Buffer.alloc(32, 1).toString("base64");
const ROOT = path.resolve(import.meta.dirname, "../..");

const database = await createTestDatabase();
const redis = createTestRedis();
const user = createDovecotUser();
await waitForDovecotLogin(user);
// BENCH_RELAY_MS: the relay answers the end of DATA this much later (a relay that scans each message).
const smtp = await startSmtpListener({ replyDelayMs: Number(process.env.BENCH_RELAY_MS ?? 0) });
const maildir = createMaildirWriter(user.maildir);

const arrived = new Map<string, number>(); // notice recipient (the sender) -> time its NDR arrived
const accepted = new Map<string, number>();
const copies = new Map<string, number>();
const seen = smtp.messages;
setInterval(() => {
  for (let k = accepted.size + [...copies.values()].reduce((s, n) => s + n - 1, 0); k < seen.length; k++) {
    const to = seen[k]!.to[0]!;
    copies.set(to, (copies.get(to) ?? 0) + 1);
    if (!accepted.has(to)) accepted.set(to, performance.now());
  }
}, 5).unref();

/** Written into tmp/ ahead of time, so that the clock times the pipeline, not this writer. */
function stage(i: number, recipients = 1): string {
  const name = `${1_800_000_000 + i}.M${i}P1.e2e`;
  maildir.stage(name, makeDsn(i, recipients));
  return name;
}

/** Into the mailbox: the moment of arrival. */
function deliver(i: number, name: string) {
  maildir.arrive(name);
  arrived.set(`sb${i}@kommune.example`, performance.now());
}

function startService(): ChildProcess {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the service.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, path.join(ROOT, "apps/cli/bin/safetynet.js"), "start"], {
    cwd: ROOT,
    stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      SAFETYNET_KEY: KEY,
      IMAP_URL: user.url,
      SMTP_URL: smtp.url,
      SMTP_STARTTLS: "off",
      API_PORT: "0",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      // BENCH_ENV="NAME=value NAME=value" runs the service with settings other than the defaults.
      ...Object.fromEntries(
        (process.env.BENCH_ENV ?? "")
          .split(" ")
          .filter(Boolean)
          .map((pair) => pair.split("=", 2)),
      ),
    },
  });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await wait(20);
  return check();
}
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Work the service asked of PostgreSQL and Redis: the round trips behind each message. */
async function serviceLoad() {
  const redisInfo = await redis.connection().info("stats");
  const commands = Number(/total_commands_processed:(\d+)/.exec(redisInfo)?.[1] ?? 0);
  const { rows } = await probe.query<{ commits: string }>(
    `SELECT xact_commit + xact_rollback AS commits FROM pg_stat_database WHERE datname = current_database()`,
  );
  return { commits: Number(rows[0]!.commits), redisCommands: commands };
}

const databaseName = new URL(database.url).pathname.slice(1);
const probe = createUtcSqlPool(database.url, { poolSize: 1 });
// BENCH_SQL="..." runs SQL on this run's database before the service starts (experiments).
if (process.env.BENCH_SQL) await probe.query(process.env.BENCH_SQL);
// BENCH_LOG_STATEMENTS=1 has PostgreSQL log every statement of this run's database with its
// duration (into the server's log), for connections opened from now on: the service's.
if (process.env.BENCH_LOG_STATEMENTS)
  await probe.query(`ALTER DATABASE "${databaseName}" SET log_min_duration_statement = 0`);
const service = startService();
const loadBefore = await serviceLoad();
/** CPU by process from the moment the first mail arrives (the staging of the mails is not counted). */
let processesBefore = sampleProcesses();
const label = (sample: ProcessSample) => {
  if (sample.pid === service.pid) return "service (safetynet start)";
  if (sample.pid === process.pid) return "benchmark (SMTP listener, Maildir writer)";
  // Only this run's backends: other databases' work on a shared machine is not the service's.
  if (sample.name === "postgres") return sample.title.includes(` ${databaseName} `) ? "PostgreSQL" : undefined;
  if (sample.name === "redis-server") return "Redis";
  if (sample.name.startsWith("imap") || sample.name.startsWith("dovecot")) return "Dovecot";
  return undefined;
};
const progress = setInterval(async () => {
  const { rows } = await probe.query<{ r: number; f: number; n: number }>(
    `SELECT (SELECT count(*) FROM "RawMessage")::int AS r, (SELECT count(*) FROM "Failure")::int AS f, (SELECT count(*) FROM "Notice")::int AS n`,
  );
  process.stderr.write(
    `  ... ${arrived.size} written, stored ${rows[0]!.r}, failures ${rows[0]!.f}, notices ${rows[0]!.n}, accepted ${seen.length}\n`,
  );
}, 5_000);
progress.unref();
await wait(3_000); // start-up and the first sync of an empty mailbox
try {
  if (mode === "burst") {
    const count = Number(a ?? 10_000);
    const names = Array.from({ length: count }, (_, i) => stage(i));
    processesBefore = sampleProcesses();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) deliver(i, names[i]!);
    const delivered = (performance.now() - t0) / 1000;
    const done = await until(() => accepted.size >= count, 600_000);
    const seconds = (Math.max(...accepted.values()) - t0) / 1000;
    console.log(
      `burst: ${count} individual failures, each from its own sender, moved into new/ in ${delivered.toFixed(2)} s`,
    );
    console.log(`  notices accepted: ${accepted.size}${done ? "" : " (timed out)"}, copies ${seen.length}`);
    console.log(
      `  mailbox to last notice: ${seconds.toFixed(1)} s -> ${(accepted.size / seconds).toFixed(0)} messages/s`,
    );
  } else {
    const rate = Number(a ?? 50);
    const secs = Number(b ?? 30);
    const total = rate * secs;
    const names = Array.from({ length: total }, (_, i) => stage(i));
    const storm = mode === "storm" ? stage(1_000_000, 10_000) : "";
    processesBefore = sampleProcesses();
    const t0 = performance.now();
    let big = false;
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / rate;
      const now = performance.now();
      if (due > now) await wait(due - now);
      deliver(i, names[i]!);
      if (storm && !big && performance.now() - t0 > 5_000) {
        big = true;
        deliver(1_000_000, storm);
      }
    }
    const expected = total + (big ? 1 : 0);
    await until(() => accepted.size >= expected, 300_000);
    const latencies = [...arrived].flatMap(([to, at]) =>
      to === "sb1000000@kommune.example" || !accepted.has(to) ? [] : [(accepted.get(to)! - at) / 1000],
    );
    console.log(`${mode}: ${rate}/s for ${secs} s${big ? " with one 10,000-recipient DSN after 5 s" : ""}`);
    console.log(`  notices accepted: ${accepted.size} of ${expected}; copies ${seen.length}`);
    // When the slowest ones arrived (seconds after the first): beside the big DSN, or spread out.
    const slowest = [...arrived]
      .filter(([to]) => to !== "sb1000000@kommune.example" && accepted.has(to))
      .map(([to, at]) => ({ at: (at - t0) / 1000, took: (accepted.get(to)! - at) / 1000 }))
      .sort((x, y) => y.took - x.took)
      .slice(0, 5);
    console.log(
      `  slowest: ${slowest.map(({ at, took }) => `${took.toFixed(2)} s (arrived at +${at.toFixed(2)} s)`).join(", ")}`,
    );
    console.log(
      `  mailbox to notice (other senders): p50 ${pct(latencies, 50).toFixed(3)} s, p95 ${pct(latencies, 95).toFixed(3)} s, max ${Math.max(...latencies).toFixed(3)} s`,
    );
    if (big) {
      const at = accepted.get("sb1000000@kommune.example");
      const from = arrived.get("sb1000000@kommune.example")!;
      console.log(
        `  the 10,000-recipient DSN's notice: ${at ? `${((at - from) / 1000).toFixed(2)} s` : "not accepted"}`,
      );
    }
  }
  const twice = [...copies.values()].filter((n) => n > 1).length;
  console.log(`  senders told twice: ${twice}`);
  const loadAfter = await serviceLoad();
  // The service's pool retires a connection after 1,000 uses: those backends' CPU is the postmaster's
  // reaped children's (any database's, so on a shared machine it may count other work too).
  const postmaster = (sample: ProcessSample) =>
    sample.name === "postgres" && sample.title.includes(" -D ") ? "PostgreSQL" : undefined;
  const cpu = cpuBetween(processesBefore, sampleProcesses(), label, postmaster);
  const spent = [...cpu].map(([name, { cpu, system }]) => `${name} ${cpu.toFixed(1)} (${system.toFixed(1)})`);
  console.log(`  CPU seconds (of which in the kernel): ${spent.join(", ")}`);
  // What the whole machine spends on one message, and the rate its cores could carry at that cost.
  const totalMs = ([...cpu.values()].reduce((sum, { cpu }) => sum + cpu, 0) * 1000) / Math.max(1, arrived.size);
  const cores = availableParallelism();
  // Only a burst keeps every process busy: at a steady rate the idle work spreads over few messages.
  if (mode === "burst")
    console.log(
      `  CPU per message, all processes: ${totalMs.toFixed(2)} ms -> at most ${((cores * 1000) / totalMs).toFixed(0)} messages/s on ${cores} cores`,
    );
  const peaks = [...peakMemoryByLabel(sampleProcesses(), label)].map(([name, mib]) => `${name} ${mib.toFixed(0)}`);
  // VmHWM is since each process started: Redis and PostgreSQL backends are shared with other work.
  console.log(`  peak memory (MiB, largest process of each kind, since it started): ${peaks.join(", ")}`);
  const perMessage = (n: number) => (n / Math.max(1, arrived.size)).toFixed(1);
  console.log(
    `  per message: ${perMessage(loadAfter.commits - loadBefore.commits)} PostgreSQL transactions, ${perMessage(loadAfter.redisCommands - loadBefore.redisCommands)} Redis commands (the whole Redis server's count)`,
  );
} catch (error) {
  console.error(error);
} finally {
  service.kill("SIGTERM");
  await new Promise((resolve) => service.once("exit", resolve));
  await smtp.close();
  rmSync(path.dirname(user.maildir), { recursive: true, force: true });
  // Its jobs (10,000 completed ones are kept per queue) would otherwise stay in the shared Redis
  // and weigh on the next run: 20,000 keys and about 60 MiB a burst.
  await redis.cleanup();
  // Its own connection first: dropping the database would end it, and the pool would log that as an error.
  clearInterval(progress);
  await probe.end();
  await database.drop();
  process.exit(0);
}
