// GET /api/canary/runs and GET /api/alarms: shapes, filters, keyset pages, roles; and the canary's
// age in /metrics. No CPR number in any body (the probe's subject never leaves the raw store).
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";

const services = useTestServices();
let api: ApiTestApp;
const NOW = new Date("2026-12-04T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

beforeAll(async () => {
  api = await createApiTestApp(services, { now: () => NOW });
  const { db } = services.database;
  await db.canaryRun.createMany({
    data: [
      { probeId: "aaaa", sentAt: minutesAgo(180), returnedAt: minutesAgo(179), status: "returned" },
      { probeId: "bbbb", sentAt: minutesAgo(120), status: "missing" },
      {
        probeId: "cccc",
        sentAt: minutesAgo(60),
        returnedAt: new Date(minutesAgo(60).getTime() + 2_500),
        status: "returned",
        origin: "cli",
      },
      {
        probeId: "dddd",
        sentAt: minutesAgo(1),
        status: "error",
        detail: "not sent: connect ECONNREFUSED 127.0.0.1:2526",
      },
    ],
  });
  await db.alarm.createMany({
    data: [
      {
        key: "canary",
        kind: "canary",
        message: "Canary late",
        firedAt: minutesAgo(90),
        lastNotifiedAt: minutesAgo(59),
        notifications: 2,
        resolvedAt: minutesAgo(59),
        resolveMessage: "Canary back",
      },
      {
        key: "queue-backlog:notify",
        kind: "queue-backlog",
        message: 'Queue "notify" backs up',
        firedAt: minutesAgo(5),
        lastNotifiedAt: minutesAgo(5),
      },
    ],
  });
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("canary runs", () => {
  it("lists the probes newest first with their round trip, in keyset pages", async () => {
    const first = await api.call("GET", "/api/canary/runs?limit=3", { token: api.tokens.viewer });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.total).toBe(4);
    expect(body.items.map((item: { probeId: string }) => item.probeId)).toEqual(["dddd", "cccc", "bbbb"]);
    expect(body.items[1]).toMatchObject({ origin: "cli", status: "returned", roundTripMs: 2500 });
    expect(body.items[0]).toMatchObject({ status: "error", returnedAt: null, roundTripMs: null });
    const rest = (await api.call("GET", `/api/canary/runs?limit=3&cursor=${body.nextCursor}`)).json();
    expect(rest.items.map((item: { probeId: string }) => item.probeId)).toEqual(["aaaa"]);
    expect(rest.nextCursor).toBeNull();
    expect((await api.call("GET", "/api/canary/runs?status=missing")).json().total).toBe(1);
  });

  it("needs a token", async () => {
    expect((await api.call("GET", "/api/canary/runs", { token: null })).statusCode).toBe(401);
  });
});

describe("alarms", () => {
  it("lists alarms newest first; ?open=true only those still firing", async () => {
    const all = (await api.call("GET", "/api/alarms", { token: api.tokens.viewer })).json();
    expect(all.total).toBe(2);
    expect(all.items[0]).toMatchObject({ key: "queue-backlog:notify", open: true, resolvedAt: null, notifications: 1 });
    expect(all.items[1]).toMatchObject({ key: "canary", open: false, resolveMessage: "Canary back", notifications: 2 });
    const open = (await api.call("GET", "/api/alarms?open=true")).json();
    expect(open.items.map((item: { kind: string }) => item.kind)).toEqual(["queue-backlog"]);
    expect((await api.call("GET", "/api/alarms?kind=canary")).json().total).toBe(1);
    expect((await api.call("GET", "/api/alarms?open=maybe")).statusCode).toBe(400);
  });
});

describe("/metrics", () => {
  it("reports the time since the last canary NDR came back", async () => {
    const metrics = await api.call("GET", "/metrics", { token: null });
    expect(metrics.body).toMatch(/safetynet_canary_age_seconds 3597\.5\b/);
  });
});
