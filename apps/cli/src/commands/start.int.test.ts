// End to end through the composition root: `safetynet start` in a child process, with only the
// run contract's environment, takes a Danish Exchange NDR from IMAP to a notice accepted by SMTP.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { containsCpr } from "@safetynet/cpr";
import {
  apiUrlIn,
  appendToInbox,
  createDovecotUser,
  REPO_ROOT,
  type SmtpListener,
  spawnSafetynet,
  startSmtpListener,
} from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NDR = readFileSync(path.join(REPO_ROOT, "packages/ndr/fixtures/exchange-online-transport-rule-da.eml"));
const SYNTHETIC_CPR = /010203-?1234/;

const ADMIN_TOKEN = "start-test-admin-token-42";

describe("safetynet start: IMAP to notice", () => {
  const services = useTestServices();
  let smtp: SmtpListener;
  let child: ChildProcess;
  let output: () => string = () => "";

  beforeAll(async () => {
    smtp = await startSmtpListener();
    const user = createDovecotUser();
    ({ child, output } = spawnSafetynet(["start"], {
      DATABASE_URL: services.database.url,
      REDIS_URL: services.redis.url,
      REDIS_PREFIX: services.redis.prefix,
      SAFETYNET_KEY: Buffer.alloc(32, 5).toString("base64"),
      IMAP_URL: user.url,
      SMTP_URL: smtp.url,
      NOTICE_FROM: "sikkerhedsnet@kommune.example",
      INTERNAL_DOMAINS: "kommune.example",
      LOG_LEVEL: "info",
      API_PORT: "0",
      ADMIN_TOKEN,
    }));
    await appendToInbox(user, [NDR]);
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await smtp.close();
  });

  it("tells the caseworker, in Danish, without the CPR number, within seconds", async () => {
    const started = Date.now();
    const [notice] = await smtp.waitForMessages(1, 45_000);
    console.log(`notice accepted ${Date.now() - started} ms after the NDR was appended (includes start-up)`);
    expect(notice!.to).toEqual(["sagsbehandler@kommune.example"]);
    const parsed = await notice!.parse();
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.text).toMatch(/ikke (blevet )?leveret|ikke frem/i);
    expect(parsed.text).toContain("politi@politi.example");
    expect(parsed.text).toContain("0102XX-XXXX");
    const everything = `${notice!.raw.toString("latin1")}\n${parsed.text}\n${parsed.html || ""}\n${parsed.subject}`;
    expect(everything).not.toMatch(SYNTHETIC_CPR);
    expect(containsCpr(everything)).toBe(false);

    const failure = await services.database.db.failure.findFirstOrThrow();
    expect(failure).toMatchObject({ cause: "cpr-in-subject", scope: "individual", recipient: "politi@politi.example" });
    expect(failure.subjectMasked).toContain("0102XX-XXXX");
    expect(failure.notifiedTo).toBe("sagsbehandler@kommune.example");
    const notices = await services.database.db.notice.findMany();
    expect(notices.map((row) => row.status)).toEqual(["sent"]);
  });

  it("serves the failure over the API it started (API_PORT=0)", async () => {
    const deadline = Date.now() + 20_000;
    let url: string | undefined;
    while (!(url = apiUrlIn(output())) && Date.now() < deadline) {
      await new Promise((resolve) => child.stdout!.once("data", resolve));
    }
    expect(url, output()).toBeDefined();
    const response = await fetch(`${url}/api/failures`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; items: { cause: string }[] };
    expect(body.total).toBe(1);
    expect(body.items[0]?.cause).toBe("cpr-in-subject");
    expect((await fetch(`${url}/api/failures`)).status).toBe(401);
  });

  it("logs the story a person follows, no CPR number, and stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toContain("poller, worker, api running");
    // Not a terminal here, so one JSON object per line; on a terminal the same messages read as lines.
    const messages = output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line).msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        "NDR received",
        "classified as cpr-in-subject",
        "notice sent to sagsbehandler@kommune.example",
      ]),
    );
    expect(output()).not.toMatch(SYNTHETIC_CPR);
    expect(output()).not.toContain("politi@politi.example");
  });
});
