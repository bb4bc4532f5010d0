import { JOBS } from "@safetynet/queue";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";
import { seedFailure } from "../test-support/seed-failures.js";
import { seedIncident } from "../test-support/seed-incident.js";

const services = useTestServices();
let api: ApiTestApp;

beforeAll(async () => {
  api = await createApiTestApp(services);
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("incidents", () => {
  it("lists with filters and keyset pages, newest activity first", async () => {
    const { db } = services.database;
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await seedIncident(db, {
          status: i % 2 ? "resolved" : "open",
          lastSeen: new Date(Date.UTC(2024, 0, 1 + (i % 3))), // ties on lastSeen: the id breaks them
          cause: i === 3 ? "tls-refused" : "gateway-down",
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.call("GET", `/api/incidents?limit=3${cursor ? `&cursor=${cursor}` : ""}`, {
        token: api.tokens.viewer,
      });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().total).toBe(7);
      seen.push(...page.json().items.map((item: { id: string }) => item.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
    const open = await api.call("GET", "/api/incidents?status=open");
    expect(open.json().total).toBe(4);
    expect((await api.call("GET", "/api/incidents?active=false")).json().total).toBe(3);
    const tls = (await api.call("GET", "/api/incidents?cause=tls-refused")).json();
    expect(tls.items).toHaveLength(1);
    expect(tls.items[0]).toMatchObject({
      id: made[3]!.id,
      scope: "systemic",
      status: "resolved",
      cause: "tls-refused",
      supplierId: null,
    });
  });

  it("shows its failures and senders", async () => {
    const { db } = services.database;
    const incident = await seedIncident(db);
    await seedFailure(db, api.deps.cipher, { incidentId: incident.id });
    await seedFailure(db, api.deps.cipher, { incidentId: incident.id });
    await db.incidentSender.create({
      data: { incidentId: incident.id, sender: "a@kommune.example", firstSeen: new Date() },
    });
    const detail = await api.call("GET", `/api/incidents/${incident.id}`, { token: api.tokens.viewer });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().failures).toHaveLength(2);
    expect(detail.json().failuresComplete).toBe(true);
    expect(detail.json().senders).toEqual([{ sender: "a@kommune.example", firstSeen: expect.any(String) }]);
    expect((await api.call("GET", "/api/incidents/none")).statusCode).toBe(404);
  });

  it("is acknowledged, silenced, escalated through the queue and resolved by a triager, audited", async () => {
    const { db } = services.database;
    const incident = await seedIncident(db, { failureCount: 4 });
    const ack = await api.call("POST", `/api/incidents/${incident.id}/acknowledge`, { token: api.tokens.triager });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: "acknowledged", acknowledgedBy: "test triager" });
    expect(
      (await api.call("POST", `/api/incidents/${incident.id}/acknowledge`, { token: api.tokens.viewer })).statusCode,
    ).toBe(403);

    const past = await api.call("POST", `/api/incidents/${incident.id}/silence`, {
      token: api.tokens.triager,
      body: { reason: "planned", expiresAt: "2020-01-01T00:00:00Z" },
    });
    expect(past.statusCode).toBe(400);
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const silenced = await api.call("POST", `/api/incidents/${incident.id}/silence`, {
      token: api.tokens.triager,
      body: { reason: "Leverandøren arbejder på det", expiresAt },
    });
    expect(silenced.statusCode, silenced.body).toBe(200);
    expect(silenced.json().silence).toEqual({
      reason: "Leverandøren arbejder på det",
      createdBy: "test triager",
      expiresAt,
    });

    const escalated = await api.call("POST", `/api/incidents/${incident.id}/escalate`, { token: api.tokens.triager });
    expect(escalated.statusCode, escalated.body).toBe(202);
    expect(escalated.json()).toMatchObject({ event: "incident.opened", sequence: 0 });
    const jobs = await api.deps.queues.escalate.getJobs(["wait", "delayed", "prioritized"]);
    expect(jobs.map((job) => [job.name, job.data])).toEqual([
      [JOBS.escalate.name, { incidentId: incident.id, event: "incident.opened", sequence: 0 }],
    ]);
    const events = await db.incidentEvent.findMany({ where: { incidentId: incident.id } });
    expect(events).toEqual([expect.objectContaining({ event: "incident.opened", enqueuedAt: expect.any(Date) })]);
    const again = await api.call("POST", `/api/incidents/${incident.id}/escalate`, { token: api.tokens.triager });
    expect(again.json()).toMatchObject({ event: "incident.updated", sequence: 4 });
    expect(
      (await api.call("POST", `/api/incidents/${incident.id}/escalate`, { token: api.tokens.triager })).statusCode,
    ).toBe(409);

    const resolved = await api.call("POST", `/api/incidents/${incident.id}/resolve`, { token: api.tokens.triager });
    expect(resolved.json()).toMatchObject({ status: "resolved", resolvedAt: expect.any(String) });
    const all = await api.deps.queues.escalate.getJobs(["wait", "delayed", "prioritized"]);
    expect(all.map((job) => job.data.event).sort()).toEqual([
      "incident.opened",
      "incident.resolved",
      "incident.updated",
    ]);
    const audit = await db.auditEvent.findMany({ where: { target: incident.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual([
      "incident.acknowledged",
      "incident.silenced",
      "incident.escalated",
      "incident.escalated",
      "incident.resolved",
    ]);
  });
});
