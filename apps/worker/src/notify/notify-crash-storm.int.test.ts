// Issue 14's operator test on the notice path: 300 individual failures (300 senders), the worker's
// whole process group SIGKILLed three times within the first ten seconds and started again. Goal:
// every sender gets a notice, and each kill costs at most one second copy. The SMTP listener is
// a slow relay (its 250 comes 20 ms after the data), so kills land inside SMTP transactions.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { POSSIBLE_REPEAT_HEADER } from "@safetynet/notify";
import { type SmtpListener, startSmtpListener } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedMessage } from "./testing/seed-failures.js";
import { eventually, startNotifyWorker } from "./testing/start-notify-worker.js";

const services = useTestServices();
let smtp: SmtpListener;
const COUNT = 300;
const KILLS = 3;
/** NOTICE_DATA_WINDOW of the killed process: each kill can cut off at most this many inside DATA. */
const DATA_WINDOW = 3;

beforeAll(async () => {
  smtp = await startSmtpListener({ replyDelayMs: 20 });
});
afterAll(async () => {
  await smtp.close();
});

function startChild(prefix: string): { child: ChildProcess; ready: Promise<void> } {
  const script = path.join(import.meta.dirname, "testing/notify-crash-child.ts");
  const settings = {
    databaseUrl: services.database.url,
    redisUrl: services.redis.url,
    prefix,
    smtpUrl: smtp.url,
    sendingLeaseMs: 2_500,
    dataWindow: DATA_WINDOW,
  };
  // Its own process group (tsx runs the script in a grandchild): the kill takes the whole group.
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(settings)], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const ready = new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  return { child, ready };
}

function killGroup(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGKILL");
  return exited;
}

it("300 notices through three SIGKILLs of the process group: none lost, at most NOTICE_DATA_WINDOW extra copies per kill", async () => {
  const prefix = `${services.redis.prefix}-storm`;
  const senders = Array.from({ length: COUNT }, (_, i) => `caseworker${i}@kommune.example`);
  const seeded = await Promise.all(
    senders.map((sender) =>
      seedMessage(services.database.db, { originalSender: sender, failures: [{ recipient: "x@else.example" }] }),
    ),
  );
  const enqueuer = startNotifyWorker({
    db: services.database.db,
    databaseUrl: services.database.url,
    smtpUrl: smtp.url,
    connection: () => services.redis.connection(),
    prefix,
    autorun: false,
  });
  try {
    for (const { failureIds } of seeded) await enqueuer.enqueue(failureIds[0]!);
    // Running time of the killed workers (from ready to kill): the kills fall within the first ten
    // seconds of sending. Their start-up (tsx on a loaded machine: seconds) is not counted.
    let running = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const { child, ready } = startChild(prefix);
      await ready;
      const since = Date.now();
      // Kill once this run has put some notices through (a kill mid-stream), or after 1.5 s at most.
      const before = smtp.messages.length;
      await eventually(async () => smtp.messages.length >= before + 20, 1_500).catch(() => undefined);
      await killGroup(child);
      running += Date.now() - since;
    }
    expect(running).toBeLessThan(10_000);
    // The kills fell inside the storm, not after it.
    expect(new Set(smtp.messages.flatMap((mail) => mail.to)).size).toBeLessThan(COUNT);
    const { child } = startChild(prefix);
    try {
      await eventually(
        async () => (await services.database.db.notice.count({ where: { status: "sent" } })) === COUNT,
        90_000,
      );
      // Every job finished: nothing more can be sent after this.
      await eventually(async () => (await enqueuer.queue.getJobCounts("completed")).completed === COUNT, 30_000);
    } finally {
      await killGroup(child);
    }
  } finally {
    await enqueuer.close();
  }
  const copies = new Map<string, number>();
  for (const mail of smtp.messages) for (const to of mail.to) copies.set(to, (copies.get(to) ?? 0) + 1);
  const missing = senders.filter((sender) => !copies.get(sender));
  expect(missing).toEqual([]);
  const extra = [...copies.values()].reduce((sum, n) => sum + n - 1, 0);
  expect(extra).toBeLessThanOrEqual(KILLS * DATA_WINDOW);
  // Every second copy says so, and the rows count it.
  const repeats = await Promise.all(
    smtp.messages.map(async (mail) => (await mail.parse()).headers.get(POSSIBLE_REPEAT_HEADER.toLowerCase())),
  );
  expect(repeats.filter((value) => value === "yes").length).toBeGreaterThanOrEqual(extra);
  const counted = await services.database.db.notice.aggregate({ _sum: { possibleDuplicates: true } });
  expect(counted._sum.possibleDuplicates ?? 0).toBeGreaterThanOrEqual(extra);
}, 180_000);
