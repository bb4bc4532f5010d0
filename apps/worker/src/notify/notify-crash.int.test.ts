// Exactly once across a killed worker: a child process running the real processor is killed with
// SIGKILL inside the SMTP transaction; a fresh worker picks the stalled job up and must never send
// a second copy. What it does instead (mark uncertain, alert staff) is the documented window.
import { spawn } from "node:child_process";
import path from "node:path";
import { type SmtpListener, startSmtpListener } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedMessage } from "./testing/seed-failures.js";
import { eventually, startNotifyWorker } from "./testing/start-notify-worker.js";

const services = useTestServices();
let smtp: SmtpListener;

beforeAll(async () => {
  smtp = await startSmtpListener();
});
afterAll(async () => {
  await smtp.close();
});

function runChildUntilKilled(prefix: string, crashAt: "after-claim" | "after-accept"): Promise<NodeJS.Signals | null> {
  const script = path.join(import.meta.dirname, "testing/notify-crash-child.ts");
  const settings = {
    databaseUrl: services.database.url,
    redisUrl: services.redis.url,
    prefix,
    smtpUrl: smtp.url,
    crashAt,
  };
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(settings)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
}

async function killMidJob(crashAt: "after-claim" | "after-accept", sender: string) {
  const prefix = `${services.redis.prefix}-${crashAt}`;
  const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
    originalSender: sender,
    failures: [{ recipient: "x@else.example" }],
  });
  const enqueuer = startNotifyWorker({
    db: services.database.db,
    smtpUrl: smtp.url,
    connection: () => services.redis.connection(),
    prefix,
    concurrency: 1,
    stalledInterval: 500,
  });
  await enqueuer.worker.close(); // only its queue is used here
  await enqueuer.enqueue(failureIds[0]!);
  expect(await runChildUntilKilled(prefix, crashAt)).toBe("SIGKILL");
  const left = await services.database.db.notice.findFirstOrThrow({ where: { rawMessageId } });
  expect(left.status).toBe("sending");
  // A fresh worker: the dead child's lock expires, BullMQ moves the stalled job back, and the
  // processor waits out the sending lease before deciding.
  const rescuer = startNotifyWorker({
    db: services.database.db,
    databaseUrl: services.database.url,
    smtpUrl: smtp.url,
    connection: () => services.redis.connection(),
    prefix,
    lockDuration: 2_000,
    stalledInterval: 500,
    deps: { sendingLeaseMs: 2_500 },
  });
  try {
    const settled = await eventually(async () => {
      const row = await services.database.db.notice.findFirstOrThrow({ where: { rawMessageId } });
      return row.status !== "sending" && row;
    }, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { notice: settled, sent: smtp.messages.filter((m) => m.to.includes(sender)).length };
  } finally {
    await rescuer.close();
    await enqueuer.close();
  }
}

describe("notify processor: a worker killed mid-job", () => {
  it("never sends a second copy of a notice the server accepted", async () => {
    const { notice, sent } = await killMidJob("after-accept", "accepted@kommune.example");
    expect(sent).toBe(1);
    expect(notice.status).toBe("failed");
    expect(notice.lastError).toBe("interrupted: delivery uncertain");
    const alert = await services.database.db.auditEvent.findFirst({
      where: { action: "notice.uncertain", target: notice.id },
    });
    expect(alert).not.toBeNull();
  });

  it("a kill before the server accepted leaves no copy and an alert for staff (the remaining window)", async () => {
    const { notice, sent } = await killMidJob("after-claim", "claimed@kommune.example");
    expect(sent).toBe(0);
    expect(notice.status).toBe("failed");
    expect(
      await services.database.db.auditEvent.count({ where: { action: "notice.uncertain", target: notice.id } }),
    ).toBe(1);
  });
});
