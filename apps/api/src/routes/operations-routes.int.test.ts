import { JOBS } from "@safetynet/queue";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";
import { seedFailure, seedRawMessage } from "../test-support/seed-failures.js";

const services = useTestServices();
let api: ApiTestApp;

beforeAll(async () => {
  api = await createApiTestApp(services, { now: () => new Date("2026-03-10T23:30:00Z") });
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

const SYNTHETIC_CPR = "010203-1234";

describe("quarantine", () => {
  it("lists, shows masked headers, reprocesses one or all through the ingest queue, audited", async () => {
    const { db } = services.database;
    const raw = `From: mailer-daemon@relay.example\r\nSubject: Sag ${SYNTHETIC_CPR}\r\n  fortsat\r\nMessage-ID: <0102031234.abc@relay.example>\r\n\r\nbody\r\n`;
    const one = await seedRawMessage(db, api.deps.cipher, raw, {
      state: "quarantined",
      quarantineReason: `cannot parse: bad header near ${SYNTHETIC_CPR}`,
      receivedAt: new Date("2026-03-01T10:00:00Z"),
    });
    const big = await seedRawMessage(db, api.deps.cipher, undefined, {
      state: "quarantined",
      quarantineReason: "oversized: 30000000 bytes > limit 26214400",
      receivedAt: new Date("2026-03-02T10:00:00Z"),
    });
    const list = await api.call("GET", "/api/quarantine", { token: api.tokens.viewer });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(2);
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([big, one]);
    expect(list.json().items[1]).toMatchObject({
      error: "cannot parse: bad header near 0102XX-XXXX",
      receivedAt: "2026-03-01T10:00:00.000Z",
    });
    const firstPage = await api.call("GET", "/api/quarantine?limit=1");
    const second = await api.call("GET", `/api/quarantine?limit=1&cursor=${firstPage.json().nextCursor}`);
    expect(second.json().items.map((item: { id: string }) => item.id)).toEqual([one]);
    expect(second.json().nextCursor).toBeNull();

    const detail = await api.call("GET", `/api/quarantine/${one}`, { token: api.tokens.triager });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().headers).toContainEqual({ name: "Subject", value: "Sag 0102XX-XXXX fortsat" });
    expect(detail.json().messageId).toBe("<0102XX-XXXX.abc@relay.example>");

    const reprocessed = await api.call("POST", `/api/quarantine/${one}/reprocess`, { token: api.tokens.triager });
    expect(reprocessed.statusCode, reprocessed.body).toBe(202);
    expect((await db.rawMessage.findUniqueOrThrow({ where: { id: one } })).state).toBe("stored");
    const job = await api.deps.queues.ingest.getJob(JOBS.ingest.jobId({ messageId: one }));
    expect(job?.data).toEqual({ messageId: one });
    // All: the oversized one stays (it would only be quarantined again).
    const third = await seedRawMessage(db, api.deps.cipher, undefined, {
      state: "quarantined",
      quarantineReason: "cannot parse: x",
    });
    const all = await api.call("POST", "/api/quarantine/reprocess", { token: api.tokens.triager });
    expect(all.json()).toEqual({ queued: 1 });
    expect((await db.rawMessage.findUniqueOrThrow({ where: { id: third } })).state).toBe("stored");
    expect((await db.rawMessage.findUniqueOrThrow({ where: { id: big } })).state).toBe("quarantined");
    expect(await api.deps.queues.ingest.getJob(JOBS.ingest.jobId({ messageId: third }))).toBeDefined();
    const audit = await db.auditEvent.findMany({ where: { action: { startsWith: "quarantine." } } });
    expect(audit.map((event) => event.action).sort()).toEqual(["quarantine.reprocessed", "quarantine.reprocessed-all"]);
  });

  it("lets only an admin download a raw message, decrypted, and audits it", async () => {
    const { db } = services.database;
    const raw = `Subject: Sag ${SYNTHETIC_CPR}\r\n\r\nBorger ${SYNTHETIC_CPR}\r\n`;
    const id = await seedRawMessage(db, api.deps.cipher, raw);
    expect((await api.call("GET", `/api/raw-messages/${id}`, { token: api.tokens.triager })).statusCode).toBe(403);
    const download = await api.call("GET", `/api/raw-messages/${id}`, { token: api.tokens.admin });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("message/rfc822");
    expect(download.rawPayload.toString("utf8")).toBe(raw);
    // The one response that holds the original on purpose (admin-only, audited): out of the CPR scan.
    api.bodies.splice(api.bodies.indexOf(download.body), 1);
    const [audit] = await db.auditEvent.findMany({ where: { action: "raw-message.opened", target: id } });
    expect(audit).toMatchObject({ actor: "test admin" });
  });
});

describe("notices that need a person", () => {
  it("lists failed, uncertain and bounced notices and resends through the notify queue", async () => {
    const { db } = services.database;
    const failureId = await seedFailure(db, api.deps.cipher);
    const failure = await db.failure.findUniqueOrThrow({ where: { id: failureId } });
    const base = {
      rawMessageId: failure.rawMessageId,
      recipientRole: "sender",
      template: "failed",
      failureIds: [failureId],
    };
    const failed = await db.notice.create({
      data: { ...base, recipient: "a@kommune.example", status: "failed", lastError: "smtp 550 (EENVELOPE)" },
    });
    const uncertain = await db.notice.create({
      data: { ...base, recipient: "b@kommune.example", status: "failed", lastError: "interrupted: delivery uncertain" },
    });
    const bounced = await db.notice.create({ data: { ...base, recipient: "c@kommune.example", status: "sent" } });
    await db.notice.create({ data: { ...base, recipient: "d@kommune.example", status: "sent" } });
    await db.auditEvent.create({ data: { actor: "safetynet:notify", action: "notice.bounced", target: bounced.id } });
    const list = await api.call("GET", "/api/notices", { token: api.tokens.viewer });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(3);
    const attention = Object.fromEntries(
      list.json().items.map((item: { id: string; attention: string }) => [item.id, item.attention]),
    );
    expect(attention).toEqual({ [failed.id]: "failed", [uncertain.id]: "uncertain", [bounced.id]: "bounced" });
    expect((await api.call("GET", "/api/notices?attention=uncertain")).json().total).toBe(1);

    await api.deps.queues.notify.add(JOBS.notify.name, { failureId }, { jobId: JOBS.notify.jobId({ failureId }) });
    await (await api.deps.queues.notify.getJob(JOBS.notify.jobId({ failureId })))!
      .moveToFailed(new Error("x"), "0", false)
      .catch(() => undefined);
    const resend = await api.call("POST", `/api/notices/${uncertain.id}/resend`, { token: api.tokens.triager });
    expect(resend.statusCode, resend.body).toBe(202);
    expect(resend.json()).toEqual({ id: uncertain.id, status: "pending", queued: 1 });
    expect(await db.notice.findUniqueOrThrow({ where: { id: uncertain.id } })).toMatchObject({
      status: "pending",
      lastError: null,
    });
    const job = await api.deps.queues.notify.getJob(JOBS.notify.jobId({ failureId }));
    expect(await job?.getState()).toBe("waiting");
    expect(
      (await api.call("POST", `/api/notices/${uncertain.id}/resend`, { token: api.tokens.triager })).statusCode,
    ).toBe(409);
  });
});

describe("daily check", () => {
  it("records who checked on the Danish calendar day, with a masked summary, and lists days with none", async () => {
    // 23:30 UTC on 10 March is 00:30 on 11 March in Copenhagen.
    const recorded = await api.call("POST", "/api/daily-checks", {
      token: api.tokens.triager,
      body: { summary: `3 nye fejl; borger ${SYNTHETIC_CPR} kontaktet` },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({
      day: "2026-03-11",
      checkedBy: "test triager",
      summary: "3 nye fejl; borger 0102XX-XXXX kontaktet",
    });
    const list = await api.call("GET", "/api/daily-checks?from=2026-03-08&to=2026-03-11", { token: api.tokens.viewer });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().daysWithout).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
    expect((await api.call("GET", "/api/daily-checks")).json().daysWithout).toHaveLength(29);
    expect((await api.call("POST", "/api/daily-checks", { token: api.tokens.viewer, body: {} })).statusCode).toBe(403);
  });
});
