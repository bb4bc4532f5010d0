import { useTestServices } from "@safetynet/testing/hooks";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";
import { seedFailure, seedManyFailures } from "../test-support/seed-failures.js";

const services = useTestServices();
let api: ApiTestApp;

beforeAll(async () => {
  api = await createApiTestApp(services);
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("GET /api/failures", () => {
  it("filters by each field, searches masked text and counts the whole match", async () => {
    const { db } = services.database;
    const cipher = api.deps.cipher;
    await db.staffMember.create({ data: { email: "anna@kommune.example", name: "Anna", department: "Børn og unge" } });
    const incident = await db.incident.create({
      data: {
        key: "fp-1",
        fingerprint: "fp",
        fingerprintVersion: 1,
        scope: "systemic",
        cause: "gateway-down",
        responsible: "supplier:sikkermail",
        firstSeen: new Date("2024-05-01T00:00:00Z"),
        lastSeen: new Date("2024-05-01T00:00:00Z"),
      },
    });
    const ids = {
      cpr: await seedFailure(db, cipher, {
        originalSender: "Anna@kommune.example",
        failedAt: new Date("2024-01-10T08:00:00Z"),
      }),
      unknown: await seedFailure(db, cipher, {
        reason: "userunknown",
        cause: "recipient-unknown",
        recipient: "x@borger.example",
        subjectMasked: "Møde om tilsyn",
        diagnosticMasked: "550 5.1.1 no such user",
        failedAt: new Date("2024-02-10T08:00:00Z"),
        outcome: "resent",
      }),
      systemic: await seedFailure(db, cipher, {
        reason: "networkerror",
        cause: "gateway-down",
        scope: "systemic",
        incidentId: incident.id,
        serious: true,
        failedAt: new Date("2024-05-01T08:00:00Z"),
        originalDate: new Date("2023-12-31T23:00:00Z"),
      }),
      old: await seedFailure(db, cipher, { backfilled: true, failedAt: new Date("2019-06-01T08:00:00Z") }),
    };
    const list = async (query: string) => {
      const response = await api.call("GET", `/api/failures?${query}`, { token: api.tokens.viewer });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      return { ids: (body.items as { id: string }[]).map((item) => item.id), total: body.total as number, body };
    };
    expect((await list("")).total).toBe(4);
    expect((await list("")).ids).toEqual([ids.systemic, ids.unknown, ids.cpr, ids.old]);
    expect((await list("from=2024-01-01&to=2024-02-10")).ids).toEqual([ids.unknown, ids.cpr]);
    expect((await list("from=2024-01-01&to=2024-02-10T08:00:00Z")).ids).toEqual([ids.cpr]);
    expect((await list("dateField=sentAt&to=2023-12-31")).ids).toEqual([ids.systemic, ids.old]);
    expect((await list("reason=userunknown")).ids).toEqual([ids.unknown]);
    expect((await list("cause=gateway-down")).ids).toEqual([ids.systemic]);
    expect((await list("scope=systemic")).ids).toEqual([ids.systemic]);
    expect((await list("outcome=resent")).ids).toEqual([ids.unknown]);
    expect((await list("outcome=untriaged")).total).toBe(3);
    expect((await list("sender=anna@KOMMUNE.example")).ids).toEqual([ids.cpr]);
    expect((await list(`department=${encodeURIComponent("Børn og unge")}`)).ids).toEqual([ids.cpr]);
    expect((await list("recipientDomain=borger.example")).ids).toEqual([ids.unknown]);
    expect((await list(`incident=${incident.id}`)).ids).toEqual([ids.systemic]);
    expect((await list("serious=true")).ids).toEqual([ids.systemic]);
    expect((await list("serious=false")).total).toBe(3);
    expect((await list("source=backfill")).ids).toEqual([ids.old]);
    expect((await list("source=live")).total).toBe(3);
    expect((await list("q=tilsyn")).ids).toEqual([ids.unknown]);
    expect((await list("q=no%20such")).ids).toEqual([ids.unknown]);
    expect((await list("q=0102XX")).total).toBe(3);
    expect((await list("q=100%25")).total).toBe(0);
    expect((await list("sort=failedAt")).ids).toEqual([ids.old, ids.cpr, ids.unknown, ids.systemic]);
    expect((await list("sort=-sentAt")).ids).toEqual([ids.unknown, ids.cpr, ids.systemic, ids.old]);
    const item = (await list("reason=userunknown")).body.items[0];
    expect(item).toMatchObject({
      id: ids.unknown,
      sentAt: "2024-02-10T08:00:00.000Z",
      reason: "userunknown",
      cause: "recipient-unknown",
      scope: "individual",
      outcome: "resent",
      source: "live",
      subject: "Møde om tilsyn",
    });
  });

  it("pages through 10,000 rows by cursor with none lost or repeated, in both directions", async () => {
    await seedManyFailures(services.database.db, 10_000);
    for (const sort of ["-failedAt", "failedAt", "-sentAt"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      let total = 0;
      do {
        const query: string = `q=Subject&sort=${sort}&limit=777${cursor ? `&cursor=${cursor}` : ""}`;
        const response = await api.call("GET", `/api/failures?${query}`);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        total = body.total;
        seen.push(...body.items.map((item: { id: string }) => item.id));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(total).toBe(10_000);
      expect(pages).toBe(Math.ceil(10_000 / 777));
      expect(seen.length).toBe(10_000);
      expect(new Set(seen).size).toBe(10_000);
    }
    const outcomes = await api.call("GET", "/api/failures?q=Subject&outcome=resent&limit=1000");
    const expected = await services.database.db.failure.count({
      where: { subjectMasked: { startsWith: "Subject" }, outcome: "resent" },
    });
    expect(outcomes.json().total).toBe(expected);
    const wrongCursor = await api.call("GET", `/api/failures?sort=failedAt&cursor=${outcomes.json().nextCursor}`);
    expect(wrongCursor.statusCode).toBe(400);

    // CSV: every match in one file (10 pages of the export's 1,000), read back by a CSV parser.
    const csv = await api.call("GET", "/api/failures?q=Subject&outcome=resent&limit=5", {
      headers: { accept: "text/csv" },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records: Record<string, string>[] = parse(csv.rawPayload, { delimiter: ";", bom: true, columns: true });
    expect(records).toHaveLength(expected);
    expect(new Set(records.map((record) => record.id)).size).toBe(expected);
    expect(records[0]).toMatchObject({ outcome: "resent", source: "live", serious: "nej" });
    const all = await api.call("GET", "/api/failures?format=csv");
    expect(parse(all.rawPayload, { delimiter: ";", bom: true, columns: true })).toHaveLength(
      await services.database.db.failure.count(),
    );
  });
});

describe("GET /api/failures/:id", () => {
  it("shows the timeline: sent, failed, NDR received, classified, notice, outcome set", async () => {
    const { db } = services.database;
    const id = await seedFailure(db, api.deps.cipher, {
      originalDate: new Date("2024-04-01T09:00:00Z"),
      failedAt: new Date("2024-04-01T09:05:00Z"),
    });
    const failure = await db.failure.findUniqueOrThrow({ where: { id } });
    await db.rawMessage.update({
      where: { id: failure.rawMessageId },
      data: { receivedAt: new Date("2024-04-01T09:06:00Z"), parsedAt: new Date("2024-04-01T09:06:01Z") },
    });
    await db.notice.create({
      data: {
        rawMessageId: failure.rawMessageId,
        recipient: "sagsbehandler@kommune.example",
        recipientRole: "sender",
        template: "failed",
        status: "sent",
        sentAt: new Date("2024-04-01T09:07:00Z"),
        failureIds: [id],
      },
    });
    await api.call("PATCH", `/api/failures/${id}`, { token: api.tokens.triager, body: { outcome: "resent" } });
    const detail = await api.call("GET", `/api/failures/${id}`, { token: api.tokens.viewer });
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json();
    expect(body.timeline.map((entry: { event: string }) => entry.event)).toEqual([
      "sent",
      "failed",
      "ndr-received",
      "classified",
      "notice-sent",
      "outcome-set",
    ]);
    expect(body.timeline.at(-1).detail).toEqual({ by: "test triager", from: "untriaged", to: "resent" });
    expect(body.notices).toEqual([
      expect.objectContaining({ recipient: "sagsbehandler@kommune.example", status: "sent" }),
    ]);
  });

  it("says why no notice went out", async () => {
    const { db } = services.database;
    const old = await seedFailure(db, api.deps.cipher, { backfilled: true });
    const external = await seedFailure(db, api.deps.cipher, { originalSender: "someone@region.example" });
    const why = async (id: string) =>
      (await api.call("GET", `/api/failures/${id}`))
        .json()
        .timeline.find((entry: { event: string }) => entry.event === "notice-not-sent")?.detail.why;
    expect(await why(old)).toMatch(/back-filled/);
    expect(await why(external)).toMatch(/INTERNAL_DOMAINS/);
  });
});

describe("PATCH /api/failures", () => {
  it("sets outcome, serious flag and a note (CPR masked), audited with before and after", async () => {
    const { db } = services.database;
    const id = await seedFailure(db, api.deps.cipher);
    const viewer = await api.call("PATCH", `/api/failures/${id}`, {
      token: api.tokens.viewer,
      body: { outcome: "resent" },
    });
    expect(viewer.statusCode).toBe(403);
    const response = await api.call("PATCH", `/api/failures/${id}`, {
      token: api.tokens.triager,
      body: { serious: true, note: "Borger 010203-1234 ringede", outcome: "not-contacted" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ serious: true, outcome: "not-contacted", triagedBy: "test triager" });
    expect(response.json().note).toBe("Borger 0102XX-XXXX ringede");
    const stored = await db.failure.findUniqueOrThrow({ where: { id } });
    expect(stored.note).not.toContain("010203-1234");
    const [audit] = await db.auditEvent.findMany({ where: { target: id, action: "failure.updated" } });
    expect(audit?.actor).toBe("test triager");
    expect(audit?.detail).toMatchObject({
      before: { outcome: "untriaged", serious: false, note: null },
      after: { outcome: "not-contacted", serious: true, note: "Borger 0102XX-XXXX ringede" },
    });
    expect(JSON.stringify(audit)).not.toContain("010203-1234");
    const bad = await api.call("PATCH", `/api/failures/${id}`, {
      token: api.tokens.triager,
      body: { outcome: "lost" },
    });
    expect(bad.statusCode).toBe(400);
    const empty = await api.call("PATCH", `/api/failures/${id}`, { token: api.tokens.triager, body: {} });
    expect(empty.statusCode).toBe(400);
    const missing = await api.call("PATCH", "/api/failures/none", {
      token: api.tokens.triager,
      body: { serious: true },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("updates a selection of ids, or everything a filter matches", async () => {
    const { db } = services.database;
    const cipher = api.deps.cipher;
    const a = await seedFailure(db, cipher, { cause: "bulk-a" });
    const b = await seedFailure(db, cipher, { cause: "bulk-a" });
    const c = await seedFailure(db, cipher, { cause: "bulk-b" });
    const byIds = await api.call("PATCH", "/api/failures", {
      token: api.tokens.triager,
      body: { ids: [a, c], change: { outcome: "closed-other" } },
    });
    expect(byIds.json()).toEqual({ updated: 2 });
    const byFilter = await api.call("PATCH", "/api/failures", {
      token: api.tokens.triager,
      body: { filter: { cause: "bulk-a" }, change: { outcome: "no-longer-employed" } },
    });
    expect(byFilter.json()).toEqual({ updated: 2 });
    const rows = await db.failure.findMany({ where: { id: { in: [a, b, c] } }, orderBy: { cause: "asc" } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.outcome]))).toEqual({
      [a]: "no_longer_employed",
      [b]: "no_longer_employed",
      [c]: "closed_other",
    });
    expect(await db.auditEvent.count({ where: { action: "failure.updated", target: { in: [a, b, c] } } })).toBe(4);
    const both = await api.call("PATCH", "/api/failures", {
      token: api.tokens.triager,
      body: { ids: [a], filter: {}, change: { serious: true } },
    });
    expect(both.statusCode).toBe(400);
  });
});
