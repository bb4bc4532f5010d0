import { useTestServices } from "@safetynet/testing/hooks";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";
import { seedFailure } from "../test-support/seed-failures.js";

const services = useTestServices();
let api: ApiTestApp;

const at = (text: string) => new Date(text);

beforeAll(async () => {
  api = await createApiTestApp(services);
  const { db } = services.database;
  const c = api.deps.cipher;
  await db.staffMember.create({ data: { email: "anna@kommune.example", name: "Anna", department: "Børn og unge" } });
  // A: one original to two recipients (two failure rows), 2018, outcomes resent and open -> open.
  await seedFailure(db, c, { originalMessageId: "<a@k>", originalDate: at("2018-03-01T10:00:00Z"), outcome: "resent" });
  await seedFailure(db, c, {
    originalMessageId: "<a@k>",
    originalDate: at("2018-03-01T10:00:00Z"),
    recipient: "b@politi.example",
  });
  // B: 2018, resent, another cause, a sender in the directory.
  await seedFailure(db, c, {
    originalMessageId: "<b@k>",
    originalDate: at("2018-12-31T23:59:00Z"),
    outcome: "resent",
    cause: "gateway-down",
    responsible: "supplier:sikkermail",
    originalSender: "Anna@kommune.example",
    recipient: "x@region.example",
  });
  // C: 2019, closed another way, serious with a note.
  await seedFailure(db, c, {
    originalDate: at("2019-06-01T08:00:00Z"),
    outcome: "closed-other",
    serious: true,
    note: "Politianmeldelse; ringet op",
  });
  // D: no Date header: counted in the year its NDR came (2020).
  await seedFailure(db, c, { originalDate: null, failedAt: at("2020-01-02T08:00:00Z") });
  // E: 2019, back-filled, caseworker not yet contacted.
  await seedFailure(db, c, { originalDate: at("2019-02-01T08:00:00Z"), outcome: "not-contacted", backfilled: true });
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("reports", () => {
  it("count failed original messages by year sent (Table 1), against a hand count", async () => {
    const yearly = await api.call("GET", "/api/reports/yearly", { token: api.tokens.viewer });
    expect(yearly.statusCode, yearly.body).toBe(200);
    expect(yearly.json()).toEqual({
      rows: [
        { year: 2018, count: 2 },
        { year: 2019, count: 2 },
        { year: 2020, count: 1 },
      ],
      total: 5,
    });
    const filtered = await api.call("GET", "/api/reports/yearly?source=live&cause=cpr-in-subject");
    expect(filtered.json()).toEqual({
      rows: [
        { year: 2018, count: 1 },
        { year: 2019, count: 1 },
        { year: 2020, count: 1 },
      ],
      total: 3,
    });
  });

  it("split each year by outcome with shares in percent (Table 2)", async () => {
    const outcomes = await api.call("GET", "/api/reports/outcomes");
    expect(outcomes.json()).toEqual({
      rows: [
        { year: 2018, outcome: "resent", count: 1, share: 50 },
        { year: 2018, outcome: "untriaged", count: 1, share: 50 },
        { year: 2019, outcome: "closed-other", count: 1, share: 50 },
        { year: 2019, outcome: "not-contacted", count: 1, share: 50 },
        { year: 2020, outcome: "untriaged", count: 1, share: 100 },
      ],
      total: 5,
    });
  });

  it("list serious cases with notes (Table 3) and count per cause, responsible, department, recipient domain", async () => {
    const serious = (await api.call("GET", "/api/reports/serious")).json();
    expect(serious.total).toBe(1);
    expect(serious.rows[0]).toMatchObject({ year: 2019, outcome: "closed-other", note: "Politianmeldelse; ringet op" });
    expect((await api.call("GET", "/api/reports/cause")).json()).toEqual({
      rows: [
        { key: "cpr-in-subject", count: 4, share: 80 },
        { key: "gateway-down", count: 1, share: 20 },
      ],
      total: 5,
    });
    expect((await api.call("GET", "/api/reports/responsible")).json().rows).toEqual([
      { key: "sender", count: 4, share: 80 },
      { key: "supplier:sikkermail", count: 1, share: 20 },
    ]);
    expect((await api.call("GET", "/api/reports/department")).json().rows).toEqual([
      { key: "(unknown)", count: 4, share: 80 },
      { key: "Børn og unge", count: 1, share: 20 },
    ]);
    const domains = (await api.call("GET", "/api/reports/recipient-domain")).json();
    expect(domains.rows).toEqual([
      { key: "politi.example", count: 4, share: 80 },
      { key: "region.example", count: 1, share: 20 },
    ]);
    for (const path of ["yearly", "outcomes", "cause", "responsible", "department", "recipient-domain"]) {
      const report = (await api.call("GET", `/api/reports/${path}`)).json();
      expect(
        report.rows.reduce((sum: number, row: { count: number }) => sum + row.count, 0),
        path,
      ).toBe(report.total);
    }
  });

  it("answer CSV for Excel in Denmark: BOM, `;`, decimal comma, a total row; a CSV parser reads it back", async () => {
    const byAccept = await api.call("GET", "/api/reports/yearly", { headers: { accept: "text/csv" } });
    expect(byAccept.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(byAccept.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const yearly = parse(byAccept.rawPayload, { delimiter: ";", bom: true, columns: true });
    expect(yearly).toEqual([
      { year: "2018", count: "2" },
      { year: "2019", count: "2" },
      { year: "2020", count: "1" },
      { year: "total", count: "5" },
    ]);
    const outcomes = await api.call("GET", "/api/reports/outcomes?format=csv");
    const rows = parse(outcomes.rawPayload, { delimiter: ";", bom: true, columns: true });
    expect(rows[0]).toEqual({ year: "2018", outcome: "resent", count: "1", share: "50" });
    const departments = parse((await api.call("GET", "/api/reports/department?format=csv")).rawPayload, {
      delimiter: ";",
      bom: true,
      columns: true,
    });
    expect(departments).toContainEqual({ department: "Børn og unge", count: "1", share: "20" });
    const serious: Record<string, string>[] = parse(
      (await api.call("GET", "/api/reports/serious?format=csv")).rawPayload,
      {
        delimiter: ";",
        bom: true,
        columns: true,
      },
    );
    expect(serious[0]?.note).toBe("Politianmeldelse; ringet op");
    expect(serious.at(-1)).toMatchObject({ id: "total", year: "1" });
  });

  it("writes decimal commas", async () => {
    const { db } = services.database;
    await seedFailure(db, api.deps.cipher, { originalDate: at("2018-05-05T08:00:00Z"), cause: "third" });
    const rows = parse((await api.call("GET", "/api/reports/cause?format=csv")).rawPayload, {
      delimiter: ";",
      bom: true,
      columns: true,
    });
    expect(rows).toContainEqual({ cause: "third", count: "1", share: "16,7" });
  });
});
