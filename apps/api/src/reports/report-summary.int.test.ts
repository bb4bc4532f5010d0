// The report summary (ReportCount, kept by triggers on "Failure") must stay exact as failures are
// added, triaged one at a time, in bulk, concurrently, and deleted. Each step compares the
// unfiltered reports (read from the summary) with a hand count and with the same report computed
// on request from every failure (a filter that matches everything takes that path).
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";
import { seedFailure } from "../test-support/seed-failures.js";

const services = useTestServices();
let api: ApiTestApp;
const ids: Record<string, string> = {};
const at = (text: string) => new Date(text);
const EVERYTHING = "from=1970-01-01";

beforeAll(async () => {
  api = await createApiTestApp(services);
  const { db } = services.database;
  const c = api.deps.cipher;
  // A: 2021, two recipients (both open).
  ids.a1 = await seedFailure(db, c, { originalMessageId: "<a@k>", originalDate: at("2021-05-01T10:00:00Z") });
  ids.a2 = await seedFailure(db, c, {
    originalMessageId: "<a@k>",
    originalDate: at("2021-05-01T10:00:00Z"),
    recipient: "b@region.example",
  });
  // B: 2021, one recipient, resent.
  ids.b = await seedFailure(db, c, {
    originalMessageId: "<b@k>",
    originalDate: at("2021-07-01T10:00:00Z"),
    outcome: "resent",
  });
  // C: no Message-ID, 2022.
  ids.c = await seedFailure(db, c, { originalMessageId: null, originalDate: at("2022-01-03T10:00:00Z") });
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

async function reports() {
  const yearly = (await api.call("GET", "/api/reports/yearly")).json();
  const outcomes = (await api.call("GET", "/api/reports/outcomes")).json();
  const list = (await api.call("GET", "/api/failures?limit=1")).json();
  // The same figures aggregated on request from every failure row.
  expect(yearly).toEqual((await api.call("GET", `/api/reports/yearly?${EVERYTHING}`)).json());
  expect(outcomes).toEqual((await api.call("GET", `/api/reports/outcomes?${EVERYTHING}`)).json());
  expect(list.total).toBe((await api.call("GET", `/api/failures?limit=1&${EVERYTHING}`)).json().total);
  return { yearly, outcomes, failures: list.total as number };
}

const patch = (id: string, outcome: string) =>
  api.call("PATCH", `/api/failures/${id}`, { token: api.tokens.triager, body: { outcome } });

describe("report summary", () => {
  it("counts the seeded originals", async () => {
    const { yearly, outcomes, failures } = await reports();
    expect(failures).toBe(4);
    expect(yearly).toEqual({
      rows: [
        { year: 2021, count: 2 },
        { year: 2022, count: 1 },
      ],
      total: 3,
    });
    expect(outcomes.rows).toEqual([
      { year: 2021, outcome: "resent", count: 1, share: 50 },
      { year: 2021, outcome: "untriaged", count: 1, share: 50 },
      { year: 2022, outcome: "untriaged", count: 1, share: 100 },
    ]);
  });

  it("moves an original only when its least settled recipient changes", async () => {
    expect((await patch(ids.a1 as string, "resent")).statusCode).toBe(200);
    // A still has an open recipient: unchanged.
    expect((await reports()).outcomes.rows[1]).toEqual({ year: 2021, outcome: "untriaged", count: 1, share: 50 });
    expect((await patch(ids.a2 as string, "closed-other")).statusCode).toBe(200);
    const { outcomes } = await reports();
    expect(outcomes.rows).toEqual([
      { year: 2021, outcome: "closed-other", count: 1, share: 50 },
      { year: 2021, outcome: "resent", count: 1, share: 50 },
      { year: 2022, outcome: "untriaged", count: 1, share: 100 },
    ]);
    // A note or the serious flag changes no figure.
    await api.call("PATCH", `/api/failures/${ids.c}`, {
      token: api.tokens.triager,
      body: { serious: true, note: "x" },
    });
    expect((await reports()).outcomes.total).toBe(3);
  });

  it("stays exact under a bulk update and concurrent updates of one original", async () => {
    const bulk = await api.call("PATCH", "/api/failures", {
      token: api.tokens.triager,
      body: {
        filter: { from: "2021-01-01", to: "2021-12-31", dateField: "sentAt" },
        change: { outcome: "not-contacted" },
      },
    });
    expect(bulk.json()).toEqual({ updated: 3 });
    expect((await reports()).outcomes.rows).toEqual([
      { year: 2021, outcome: "not-contacted", count: 2, share: 100 },
      { year: 2022, outcome: "untriaged", count: 1, share: 100 },
    ]);
    // Both recipients of A at once, in separate transactions: A must end under one outcome.
    const answers = await Promise.all([patch(ids.a1 as string, "resent"), patch(ids.a2 as string, "resent")]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    expect((await reports()).outcomes.rows).toEqual([
      { year: 2021, outcome: "not-contacted", count: 1, share: 50 },
      { year: 2021, outcome: "resent", count: 1, share: 50 },
      { year: 2022, outcome: "untriaged", count: 1, share: 100 },
    ]);
  });

  it("follows new recipients of a known original and deleted failures", async () => {
    const { db } = services.database;
    // A third recipient of A, open and sent a year earlier by its Date header: A moves to 2020.
    await seedFailure(db, api.deps.cipher, {
      originalMessageId: "<a@k>",
      originalDate: at("2020-12-31T10:00:00Z"),
      recipient: "c@region.example",
    });
    let figures = await reports();
    expect(figures.failures).toBe(5);
    expect(figures.yearly).toEqual({
      rows: [
        { year: 2020, count: 1 },
        { year: 2021, count: 1 },
        { year: 2022, count: 1 },
      ],
      total: 3,
    });
    // Deleting C's raw message cascades to its failure: 2022 disappears.
    const c = await db.failure.findUniqueOrThrow({ where: { id: ids.c as string } });
    await db.rawMessage.delete({ where: { id: c.rawMessageId } });
    figures = await reports();
    expect(figures.failures).toBe(4);
    expect(figures.yearly.rows.map((row: { year: number }) => row.year)).toEqual([2020, 2021]);
  });
});
