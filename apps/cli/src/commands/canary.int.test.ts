// The canary's whole loop through the real path: `safetynet start poller worker` in a child
// process watching a Dovecot mailbox, the chain simulator as CANARY_SMTP_URL (the DLP filter that
// refuses a CPR number in the subject and writes the NDR into that mailbox), and `safetynet
// canary` in another child process: exit 0 with the round trip, and exit 1 when the NDR is dropped.
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import { containsCpr } from "@safetynet/cpr";
import {
  type ChainSimulator,
  createDovecotUser,
  SAFETYNET_BIN,
  type SmtpListener,
  startChainSimulator,
  startSmtpListener,
  until,
  waitForDovecotLogin,
} from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SAFETYNET_BIN, ...args], {
      cwd: os.tmpdir(),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("canary through the chain simulator", () => {
  const services = useTestServices();
  let notices: SmtpListener;
  let sink: SmtpListener;
  let chain: ChainSimulator;
  let service: ChildProcess;
  let serviceOutput = "";
  let env: Record<string, string>;

  beforeAll(async () => {
    notices = await startSmtpListener();
    sink = await startSmtpListener();
    const user = createDovecotUser();
    await waitForDovecotLogin(user);
    chain = await startChainSimulator({
      ndrMailbox: { host: user.host, port: user.port, user: user.user, pass: user.pass },
      relayUrl: sink.url,
    });
    env = {
      PATH: process.env.PATH!,
      DATABASE_URL: services.database.url,
      REDIS_URL: services.redis.url,
      REDIS_PREFIX: services.redis.prefix,
      SAFETYNET_KEY: Buffer.alloc(32, 9).toString("base64"),
      SMTP_URL: notices.url,
      NOTICE_FROM: "sikkerhedsnet@kommune.example",
      INTERNAL_DOMAINS: "kommune.example",
      CANARY_SMTP_URL: chain.url,
      CANARY_TO: "kanarie@modtager.example",
      LOG_LEVEL: "info",
    };
    // The canary needs the poller and the worker; the API is not part of the loop.
    service = spawn(process.execPath, [SAFETYNET_BIN, "start", "poller", "worker"], {
      cwd: os.tmpdir(),
      env: { ...env, IMAP_URL: user.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    service.stdout!.on("data", (chunk) => (serviceOutput += chunk));
    service.stderr!.on("data", (chunk) => (serviceOutput += chunk));
    await until("the service to start", async () => serviceOutput.includes("poller, worker running"), 30_000, 100);
  });

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service.once("exit", resolve));
      service.kill("SIGTERM");
      await exited;
    }
    await Promise.all([chain?.close(), notices?.close(), sink?.close()]);
  });

  it("`safetynet canary` sends a probe, its NDR comes back, the round trip is recorded: exit 0, no failure, no notice", async () => {
    const result = await runCli(["canary", "--timeout", "60"], env);
    console.log(result.stdout.trim().split("\n").at(-1));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/probe [a-p]{32} sent .* via smtp:\/\/127\.0\.0\.1:\d+ to kanarie@modtager\.example/);
    expect(result.stdout).toMatch(/OK: the NDR came back into the safety-net mailbox after \d+ s \(\d+ ms/);

    const { db } = services.database;
    const probeId = /probe ([a-p]{32})/.exec(result.stdout)![1]!;
    const run = await db.canaryRun.findUniqueOrThrow({ where: { probeId } });
    expect(run).toMatchObject({ origin: "cli", status: "returned" });
    expect(run.returnedAt!.getTime()).toBeGreaterThanOrEqual(run.sentAt.getTime());
    // The probe was refused by the DLP rule, never relayed; its NDR is the message the run points at.
    expect(chain.relayed).toHaveLength(0);
    expect(chain.refused.map((mail) => mail.to)).toContainEqual(["kanarie@modtager.example"]);
    const ndr = await until(
      "the NDR to be parsed",
      () => db.rawMessage.findFirst({ where: { id: run.rawMessageId!, state: "parsed" } }),
      20_000,
      100,
    );
    expect(ndr.kind).toBe("canary");
    // The ingest transaction that parsed it is committed: nothing else can come of it now.
    expect(await db.failure.count()).toBe(0);
    expect(await db.notice.count()).toBe(0);
    expect(await db.incidentEvent.count()).toBe(0);
    expect(notices.messages).toHaveLength(0);
  });

  it("exits 1 saying what did not come back when the chain drops the NDR", async () => {
    chain.dropNdrs(true);
    const refusedBefore = chain.refused.length;
    const result = await runCli(["canary", "--timeout", "4"], env);
    chain.dropNdrs(false);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/FAILED: no NDR came back for probe [a-p]{32} within 4 s/);
    expect(result.stderr).toMatch(/accepted the probe \(250/);
    expect(chain.refused.length).toBeGreaterThan(refusedBefore);
    const probeId = /probe ([a-p]{32})/.exec(result.stdout)![1]!;
    const run = await services.database.db.canaryRun.findUniqueOrThrow({ where: { probeId } });
    expect(run).toMatchObject({ returnedAt: null, origin: "cli" });
  });

  it("says so when the probe cannot be sent at all, and never prints or logs the probe's CPR number", async () => {
    const result = await runCli(["canary", "--timeout", "4"], { ...env, CANARY_SMTP_URL: "smtp://127.0.0.1:1" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the probe could not be sent: .*ECONNREFUSED.*via smtp:\/\/127\.0\.0\.1:1/);
    for (const text of [result.stdout, result.stderr, serviceOutput]) {
      expect(text).not.toMatch(/010203-?1234/);
      expect(containsCpr(text)).toBe(false);
    }
    expect(await runCli(["canary", "--timeout", "soon"], env)).toMatchObject({ code: 2 });
  });
});
