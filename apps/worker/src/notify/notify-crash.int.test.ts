// A worker killed mid-notice: a child process running the real processor is SIGKILLed at a point
// of the SMTP transaction, and a fresh worker picks the stalled job up. Before DATA the notice is
// simply sent again; inside DATA it is sent again marked as a possible repeat (resend) or left
// `uncertain` for staff (hold). Never lost.
import { spawn } from "node:child_process";
import path from "node:path";
import { POSSIBLE_REPEAT_HEADER } from "@safetynet/notify";
import { type SmtpListener, startSmtpListener } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrashPoint } from "./testing/notify-crash-child.js";
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

function runChildUntilKilled(
  prefix: string,
  crashAt: CrashPoint,
  onUncertain: "resend" | "hold",
): Promise<NodeJS.Signals | null> {
  const script = path.join(import.meta.dirname, "testing/notify-crash-child.ts");
  const settings = {
    databaseUrl: services.database.url,
    redisUrl: services.redis.url,
    prefix,
    smtpUrl: smtp.url,
    crashAt,
    onUncertain,
  };
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(settings)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
}

async function killMidJob(crashAt: CrashPoint, sender: string, onUncertain: "resend" | "hold" = "resend") {
  const prefix = `${services.redis.prefix}-${crashAt}-${onUncertain}`;
  const { rawMessageId, failureIds } = await seedMessage(services.database.db, {
    originalSender: sender,
    failures: [{ recipient: "x@else.example" }],
  });
  const enqueuer = startNotifyWorker({
    db: services.database.db,
    databaseUrl: services.database.url,
    smtpUrl: smtp.url,
    connection: () => services.redis.connection(),
    prefix,
    autorun: false, // only its queue is used here
  });
  await enqueuer.enqueue(failureIds[0]!);
  expect(await runChildUntilKilled(prefix, crashAt, onUncertain)).toBe("SIGKILL");
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
    config: { NOTICE_ON_UNCERTAIN: onUncertain },
    deps: { sendingLeaseMs: 2_500 },
  });
  try {
    const job = await enqueuer.queue.getJob(`notify-${failureIds[0]}`);
    // The job's end closes the window: nothing can be sent for it afterwards.
    await eventually(async () => (await job?.getState()) === "completed", 30_000);
  } finally {
    await rescuer.close();
    await enqueuer.close();
  }
  const notice = await services.database.db.notice.findFirstOrThrow({ where: { rawMessageId } });
  const copies = smtp.messages.filter((m) => m.to.includes(sender));
  const parsed = await Promise.all(copies.map((copy) => copy.parse()));
  return {
    notice,
    copies: parsed.map((mail) => ({
      messageId: mail.messageId,
      repeat: mail.headers.get(POSSIBLE_REPEAT_HEADER.toLowerCase()),
    })),
  };
}

const alerts = (action: string, target: string) => services.database.db.auditEvent.count({ where: { action, target } });

describe("notify processor: a worker killed mid-notice", () => {
  it("a kill before DATA: the notice is simply sent again, once, not counted as a repeat", async () => {
    const { notice, copies } = await killMidJob("after-claim", "claimed@kommune.example");
    expect(copies).toEqual([{ messageId: notice.smtpMessageId, repeat: undefined }]);
    expect(notice).toMatchObject({ status: "sent", possibleDuplicates: 0 });
    expect(await alerts("notice.possible-duplicate", notice.id)).toBe(0);
  });

  it("a kill inside DATA before the server had the message: sent again as a possible repeat", async () => {
    const { notice, copies } = await killMidJob("in-data", "in-data@kommune.example");
    expect(copies).toEqual([{ messageId: notice.smtpMessageId, repeat: "yes" }]);
    expect(notice).toMatchObject({ status: "sent", possibleDuplicates: 1 });
    expect(await alerts("notice.possible-duplicate", notice.id)).toBe(1);
  });

  it("a kill after the server accepted (resend): a second copy, same Message-ID, marked and counted", async () => {
    const { notice, copies } = await killMidJob("after-accept", "accepted@kommune.example");
    expect(copies).toEqual([
      { messageId: notice.smtpMessageId, repeat: undefined },
      { messageId: notice.smtpMessageId, repeat: "yes" },
    ]);
    expect(notice).toMatchObject({ status: "sent", possibleDuplicates: 1 });
    expect(await alerts("notice.possible-duplicate", notice.id)).toBe(1);
  });

  it("a kill after the server accepted (hold): no second copy, the notice waits for staff as uncertain", async () => {
    const { notice, copies } = await killMidJob("after-accept", "held@kommune.example", "hold");
    expect(copies).toEqual([{ messageId: notice.smtpMessageId, repeat: undefined }]);
    expect(notice).toMatchObject({ status: "uncertain", possibleDuplicates: 0 });
    expect(await alerts("notice.uncertain", notice.id)).toBe(1);
  });
});
