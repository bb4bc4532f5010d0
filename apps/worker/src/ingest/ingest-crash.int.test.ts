// A crash at any point of ingest loses no message and enqueues nothing twice: a child process
// running the real worker is killed with SIGKILL inside its third batch transaction, or right
// after its commit (before the follow-ups are enqueued); a fresh worker takes over the stalled jobs.
import { spawn } from "node:child_process";
import path from "node:path";
import { DEFAULT_GROUP_SETTINGS, DEFAULT_RULES, StreamClassifier } from "@safetynet/classifier";
import * as scenarios from "@safetynet/classifier/test-support";
import { createQueue, JOBS, jobOptions } from "@safetynet/queue";
import { useTestServices } from "@safetynet/testing/hooks";
import { describe, expect, it } from "vitest";
import { start, sweepIncidents } from "../index.js";
import { storeMessages, TEST_KEY } from "./test-support.js";

type Services = ReturnType<typeof useTestServices>;

function runChildUntilKilled(
  services: Services,
  prefix: string,
  crashAt: "before-commit" | "after-commit",
): Promise<NodeJS.Signals | null> {
  const script = path.join(import.meta.dirname, "testing/ingest-crash-child.ts");
  const settings = { databaseUrl: services.database.url, redisUrl: services.redis.url, prefix, key: TEST_KEY, crashAt };
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(settings)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
}

/** What the classify command says the stream escalates, as "key event sequence". */
function expectedEscalations(messages: scenarios.ScenarioMessage[]): string[] {
  const stream = new StreamClassifier({ rules: DEFAULT_RULES, settings: DEFAULT_GROUP_SETTINGS });
  for (const [index, item] of messages.entries()) {
    stream.add({ file: item.name, index, bytes: Buffer.from(item.raw, "latin1") });
  }
  stream.finish();
  return stream.escalations.map((e) => `${e.incidentKey} ${e.event} ${e.sequence}`).sort();
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await check()); waited += 100) {
    if (waited > 30_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(["before-commit", "after-commit"] as const)("a worker killed %s", (crashAt) => {
  const services = useTestServices();

  it("loses no message, opens one incident per fault and enqueues each follow-up once", async () => {
    const { db } = services.database;
    const domain = "crash.example";
    const messages = [
      ...scenarios.tlsRefusal(91, undefined, domain),
      ...scenarios.gatewayDown(92),
      ...scenarios.noise(93),
    ];
    const ids = await storeMessages(
      db,
      messages.map((item) => item.raw),
    );
    const prefix = `${services.redis.prefix}-${crashAt}`;
    const connection = services.redis.connection();
    const [ingest, notify, escalate] = (["ingest", "notify", "escalate"] as const).map((name) =>
      createQueue(name, { connection, prefix }),
    );
    await ingest!.addBulk(
      ids.map((messageId) => ({
        name: JOBS.ingest.name,
        data: { messageId },
        opts: jobOptions("ingest", { messageId }),
      })),
    );

    expect(await runChildUntilKilled(services, prefix, crashAt)).toBe("SIGKILL");
    const parsedByChild = await db.rawMessage.count({ where: { id: { in: ids }, state: "parsed" } });
    expect(parsedByChild).toBeGreaterThan(0);
    expect(parsedByChild).toBeLessThan(ids.length);

    const rescuer = await start({
      env: {
        DATABASE_URL: services.database.url,
        REDIS_URL: services.redis.url,
        SAFETYNET_KEY: TEST_KEY,
        WORKER_CONCURRENCY: "8",
        LOG_LEVEL: "silent",
      },
      redisPrefix: prefix,
      sweepIntervalMs: 0,
      notify: false,
      escalate: false,
      lockDurationMs: 2_000,
      stalledIntervalMs: 500,
    });
    try {
      await eventually(
        async () => (await ingest!.getJobCounts("completed")).completed === ids.length,
        "every ingest job to complete",
      );
      // Later (the scenario's days are past): the sweep resolves both incidents, through the outbox too.
      await rescuer.context.rules.get();
      await sweepIncidents(rescuer.context, new Set());
    } finally {
      await rescuer.stop();
    }

    expect(await db.rawMessage.count({ where: { id: { in: ids }, state: { not: "parsed" } } })).toBe(0);
    const failures = await db.failure.findMany({ where: { rawMessageId: { in: ids } }, select: { id: true } });
    expect(failures).toHaveLength(messages.length);
    expect(await db.incident.count({ where: { recipientDomain: domain } })).toBe(1);

    const notifyJobs = await notify!.getJobs(["waiting", "delayed", "prioritized"]);
    expect(notifyJobs.map((job) => job.data.failureId).sort()).toEqual(failures.map((failure) => failure.id).sort());

    const escalateJobs = await escalate!.getJobs(["waiting", "delayed", "prioritized"]);
    const events = await db.incidentEvent.findMany({ include: { incident: { select: { key: true } } } });
    expect(events.filter((event) => event.enqueuedAt === null)).toEqual([]);
    const jobKeys = escalateJobs.map((job) => `${job.data.incidentId} ${job.data.event} ${job.data.sequence}`).sort();
    expect(jobKeys).toEqual(events.map((event) => `${event.incidentId} ${event.event} ${event.sequence}`).sort());
    expect(events.map((event) => `${event.incident.key} ${event.event} ${event.sequence}`).sort()).toEqual(
      expectedEscalations(messages),
    );
    await Promise.all([ingest!.close(), notify!.close(), escalate!.close()]);
  });
});
