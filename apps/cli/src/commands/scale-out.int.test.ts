// Scale-out with the compiled command: two `safetynet start poller` processes (one active, one
// standby on the mailbox lease) and two `safetynet start worker` processes against one PostgreSQL
// and Redis give the results one process gives (`safetynet classify`, the worker's code in one
// process): every message stored once, every failure classified once, the same incidents, one
// notice per sender. SIGKILL of the active poller hands the lease to the standby within its lease time.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { makeDsn } from "@safetynet/classifier/test-support";
import {
  appendToInbox,
  createDovecotUser,
  type DovecotUser,
  SAFETYNET_BIN,
  type SmtpListener,
  startSmtpListener,
  until,
} from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const LEASE_SECONDS = 3;

interface Proc {
  child: ChildProcess;
  output: string;
}

/** Polls the real services every 100 ms, for 45,000 ms unless told otherwise. */
const waitUntil = <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 45_000) =>
  until(what, probe, ms, 100);

function ndrs(now: number, from = 0, count = 12): string[] {
  const individual = Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return makeDsn({
      id: `scale-cpr-${n}`,
      date: new Date(now - 60_000 + n * 1000),
      from: `sagsbehandler${n}@kommune.example`,
      to: `borger${n}@modtager${n % 3}.example`,
      subject: `Sag vedr. 1503${String(50 + (n % 40)).padStart(2, "0")}-1234`,
      status: "5.7.1",
      diagnostic: "550 5.7.1 Message rejected by DLP policy: sensitive data in subject",
      reportingMta: "dlp.kommune.example",
      remoteMta: null,
    });
  });
  return individual;
}

function outage(now: number): string[] {
  return [0, 1, 2, 3].map((n) =>
    makeDsn({
      id: `scale-gw-${n}`,
      date: new Date(now - 30_000 + n * 1000),
      from: `medarbejder${n}@kommune.example`,
      to: `borger${n}@extern${n}.example`,
      subject: `Sikker post ${n}`,
      status: "4.4.1",
      diagnostic: `delivery temporarily suspended: connect to gw1.sikkermail.example[10.0.0.${n}]:25: Connection timed out`,
      reportingMta: "relay1.kommune.example",
      remoteMta: "gw1.sikkermail.example",
    }),
  );
}

describe("scale-out: two workers and a standby poller", () => {
  const services = useTestServices();
  let smtp: SmtpListener;
  let user: DovecotUser;
  let dir: string;
  const pollers: Proc[] = [];
  const workers: Proc[] = [];
  const now = Date.now();
  const messages = [...ndrs(now), ...outage(now)];

  function launch(component: "poller" | "worker"): Proc {
    const proc: Proc = {
      child: spawn(process.execPath, [SAFETYNET_BIN, "start", component], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: services.database.url,
          REDIS_URL: services.redis.url,
          REDIS_PREFIX: services.redis.prefix,
          SAFETYNET_KEY: Buffer.alloc(32, 4).toString("base64"),
          IMAP_URL: user.url,
          IMAP_LEASE_SECONDS: String(LEASE_SECONDS),
          SMTP_URL: smtp.url,
          NOTICE_FROM: "sikkerhedsnet@kommune.example",
          INTERNAL_DOMAINS: "kommune.example",
          INCIDENT_GROUP_WAIT_SECONDS: "0",
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      }),
      output: "",
    };
    proc.child.stdout!.on("data", (chunk) => (proc.output += chunk));
    proc.child.stderr!.on("data", (chunk) => (proc.output += chunk));
    return proc;
  }

  beforeAll(async () => {
    smtp = await startSmtpListener();
    user = createDovecotUser();
    dir = await mkdtemp(path.join(os.tmpdir(), "safetynet-scale-"));
    pollers.push(launch("poller"), launch("poller"));
    workers.push(launch("worker"), launch("worker"));
  });

  afterAll(async () => {
    for (const proc of [...pollers, ...workers]) if (proc.child.exitCode === null) proc.child.kill("SIGKILL");
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("stores, classifies and groups as one process does, and sends one notice per sender", async () => {
    await waitUntil("one active poller", async () => pollers.some((p) => p.output.includes("connected and watching")));
    await appendToInbox(user, messages);
    const db = services.database.db;
    await waitUntil("every message parsed", async () => {
      const rows = await db.rawMessage.findMany({ select: { state: true } });
      return rows.length === messages.length && rows.every((row) => row.state === "parsed");
    });
    await smtp.waitForMessages(messages.length, 45_000);
    // One poller stored everything; the other stayed standby.
    expect(pollers.filter((p) => p.output.includes("connected and watching"))).toHaveLength(1);

    // The reference: the same messages through the worker's code in one process, in arrival order.
    for (const [n, message] of messages.entries()) {
      await writeFile(path.join(dir, `${String(n).padStart(3, "0")}.eml`), message);
    }
    const reference = execFileSync(process.execPath, [SAFETYNET_BIN, "classify", "--json", dir], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { scope: string; incident: string; cause: string; responsible: string });
    const failures = await db.failure.findMany({ include: { incident: { select: { key: true } } } });
    const fromService = failures.map((f) => `${f.cause}/${f.scope}/${f.incident?.key}`).sort();
    const fromReference = reference.map((r) => `${r.cause}/${r.scope}/${r.incident}`).sort();
    expect(fromService).toEqual(fromReference);
    expect(new Set(failures.map((f) => f.rawMessageId)).size).toBe(messages.length);

    // One notice per sender, each accepted once.
    const notices = await db.notice.findMany();
    expect(notices.filter((n) => n.status === "sent")).toHaveLength(messages.length);
    const recipients = smtp.messages.map((mail) => mail.to.join(","));
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toHaveLength(messages.length);
  });

  it("SIGKILL of the active poller: the standby takes the lease within its lease time and goes on", async () => {
    const active = pollers.find((p) => p.output.includes("connected and watching"))!;
    const standby = pollers.find((p) => p !== active)!;
    const exited = new Promise((resolve) => active.child.once("exit", resolve));
    const killedAt = Date.now();
    active.child.kill("SIGKILL");
    await exited;
    const line = await waitUntil(
      "the standby connected",
      async () =>
        standby.output.split("\n").find((l) => l.startsWith("{") && JSON.parse(l).msg === "connected and watching"),
      (LEASE_SECONDS + 10) * 1000,
    );
    const handover = JSON.parse(line).time - killedAt;
    console.log(`lease handed over ${handover} ms after SIGKILL (IMAP_LEASE_SECONDS=${LEASE_SECONDS})`);
    // The lease expires at most LEASE_SECONDS after the dead holder's last renewal; the standby
    // retries the lease about every second and then connects and logs in.
    expect(handover).toBeLessThan(LEASE_SECONDS * 1000 + 2_000);

    const more = ndrs(Date.now(), 100, 2);
    await appendToInbox(user, more);
    await waitUntil(
      "the standby stored the new messages",
      async () => (await services.database.db.rawMessage.count()) === messages.length + more.length,
    );
    await smtp.waitForMessages(messages.length + more.length, 30_000);
  });
});
