import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type ApiTestApp, cprFindings, createApiTestApp } from "./test-support/api-test-app.js";

const services = useTestServices();
let api: ApiTestApp;

beforeAll(async () => {
  api = await createApiTestApp(services);
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("the API skeleton", () => {
  it("answers /healthz and /readyz without a token", async () => {
    const health = await api.call("GET", "/healthz", { token: null });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    await services.database.db.mailbox.create({
      data: { name: "broken", url: "imap://x@h/INBOX", status: "auth_failed", lastError: "login refused" },
    });
    const ready = await api.call("GET", "/readyz", { token: null });
    expect(ready.statusCode).toBe(503);
    const checks = ready.json().checks as { name: string; ok: boolean }[];
    expect(checks.filter((check) => check.ok).map((check) => check.name)).toEqual(["database", "redis"]);
    expect(checks.find((check) => check.name === "mailbox:broken")?.ok).toBe(false);
    await services.database.db.mailbox.updateMany({ data: { status: "paused" } });
    expect((await api.call("GET", "/readyz", { token: null })).statusCode).toBe(200);
  });

  it("serves the OpenAPI document with the fixed routes and the Swagger UI", async () => {
    const doc = await api.call("GET", "/docs/json", { token: null });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ["/api/failures", "/api/failures/{id}", "/api/tokens", "/api/session"]) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths["/api/failures"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["from", "to", "reason", "cause", "scope", "outcome", "q", "limit", "cursor"]),
    );
    expect(
      spec.paths["/api/failures"].get.responses["200"].content["application/json"].schema.properties,
    ).toHaveProperty("nextCursor");
    const ui = await api.call("GET", "/docs", { token: null });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it("serves Prometheus metrics", async () => {
    await services.database.db.rawMessage.create({
      data: { sha256: "q1", size: 1, encrypted: new Uint8Array([0]), state: "quarantined", quarantineReason: "x" },
    });
    const metrics = await api.call("GET", "/metrics", { token: null });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('safetynet_queue_depth{queue="ingest"} 0');
    expect(metrics.body).toContain('safetynet_queue_oldest_job_age_seconds{queue="escalate"} 0');
    expect(metrics.body).toContain("safetynet_quarantine_size 1");
    expect(metrics.body).toContain("safetynet_ingest_lag_seconds 0");
    expect(metrics.body).toContain('safetynet_notices{state="sent"} 0');
    expect(metrics.body).toContain("safetynet_canary_age_seconds -1");
    expect(metrics.body).toContain("safetynet_webhook_deliveries_failed 0");
  });

  it("answers errors in one shape, with security headers and no stack", async () => {
    const missing = await api.call("GET", "/api/failures/nope");
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "no such failure" } });
    const bad = await api.call("GET", "/api/failures?scope=galaxy");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    const badJson = await api.call("PATCH", "/api/failures/x", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe("VALIDATION_FAILED");
    expect(badJson.body).not.toMatch(/at .*\.ts:\d+/);
    const large = await api.call("PATCH", "/api/failures/x", { body: { note: "x".repeat(2 * 1024 * 1024) } });
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(missing.headers["x-content-type-options"]).toBe("nosniff");
    expect(missing.headers["access-control-allow-origin"]).toBeUndefined();
    const unknown = await api.call("GET", "/api/no-such-thing");
    expect(unknown.statusCode).toBe(404);
  });

  it("limits the request rate", async () => {
    const limited = await createApiTestApp(services, { rateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.call("GET", "/healthz", { token: null })).statusCode);
      expect(statuses.slice(-1)).toEqual([429]);
      const last = await limited.call("GET", "/healthz", { token: null });
      expect(last.json().error.code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });

  it("knows the bootstrap admin token", async () => {
    const tokens = await api.call("GET", "/api/tokens", { token: ADMIN_TOKEN });
    expect(tokens.statusCode).toBe(200);
  });
});
