// The webhook routes against real PostgreSQL and Redis: endpoints are listed without secrets, a
// rotated secret signs beside the old one, test events and redeliveries are recorded and put on
// the webhooks queue (the worker's tests deliver them to a real receiver), role checks hold.
import { createWebhookMessage, recordWebhookAttempt, seedSuppliers } from "@safetynet/db";
import { useTestServices } from "@safetynet/testing/hooks";
import { buildEnvelope, generateWebhookSecret, signWebhook } from "@safetynet/webhooks";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "../test-support/api-test-app.js";

const services = useTestServices();
let api: ApiTestApp;

beforeAll(async () => {
  api = await createApiTestApp(services);
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

async function endpoint(supplierId: string, secret = generateWebhookSecret()) {
  const seeded = await seedSuppliers(
    services.database.db,
    [
      {
        id: supplierId,
        name: supplierId,
        contact: null,
        match: { hosts: [], gateways: [], domains: [] },
        endpoints: [{ url: `https://hooks.${supplierId}.example/x`, events: ["incident.opened", "test"], secret }],
      },
    ],
    generateWebhookSecret,
  );
  return { id: seeded.created[0]!.endpointId, secret };
}

/** A delivered test event with one attempt row, as the worker leaves it. */
async function delivered(endpointId: string, status: "succeeded" | "failed" = "succeeded") {
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  const { dispatches } = await createWebhookMessage(
    services.database.db,
    { id, sourceKey: `test/${id}`, type: "test", incidentId: null, body: buildEnvelope(id, "test", new Date(), {}) },
    [endpointId],
  );
  const dispatchId = dispatches[0]!.id;
  await recordWebhookAttempt(services.database.db, {
    dispatchId,
    endpointId,
    incidentId: null,
    eventId: id,
    eventType: "test",
    attempt: 1,
    at: new Date(),
    succeeded: status === "succeeded",
    httpStatus: status === "succeeded" ? 200 : 500,
    error: null,
    durationMs: 12,
    responseBody: "ok",
    next: status === "succeeded" ? { kind: "done" } : { kind: "give-up" },
    endpoint: { failingSince: null, disable: null },
  });
  return { id, dispatchId };
}

describe("webhook routes", () => {
  it("lists endpoints without their secrets", async () => {
    const { id, secret } = await endpoint("listed");
    const list = await api.call("GET", "/api/webhook-endpoints?supplierId=listed", { token: api.tokens.viewer });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, supplierId: "listed", events: ["incident.opened", "test"], active: true }),
    ]);
    expect(list.body).not.toContain(secret.slice(6));
    expect(list.body).not.toContain("whsec_");
  });

  it("rotates a secret (admin only): shown once, and both sign until the grace period ends", async () => {
    const { id, secret: old } = await endpoint("rotated");
    expect(
      (await api.call("POST", `/api/webhook-endpoints/${id}/rotate-secret`, { token: api.tokens.triager })).statusCode,
    ).toBe(403);
    const rotated = await api.call("POST", `/api/webhook-endpoints/${id}/rotate-secret`, { body: { graceHours: 2 } });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Date.parse(previousSecretExpiresAt) - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);
    const row = await services.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ secret, previousSecret: old });
    // Signed as the worker signs during the grace period: the supplier's old and new secret both verify.
    const at = new Date();
    const body = buildEnvelope("msg_r", "test", at, {});
    const headers = signWebhook({ id: "msg_r", at, body, secrets: [row.secret, row.previousSecret!] });
    expect(() => new Webhook(old).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers })).not.toThrow();
    const audit = await services.database.db.auditEvent.findFirstOrThrow({
      where: { action: "webhook-endpoint.secret-rotated", target: id },
    });
    expect(JSON.stringify(audit.detail)).not.toContain(secret.slice(6));
    const missing = await api.call("POST", "/api/webhook-endpoints/none/rotate-secret");
    expect(missing.statusCode, missing.body).toBe(404);
  });

  it("sends a test event through the webhooks queue", async () => {
    const { id } = await endpoint("tested");
    const sent = await api.call("POST", `/api/webhook-endpoints/${id}/test`);
    expect(sent.statusCode, sent.body).toBe(202);
    const { eventId, dispatchId } = sent.json();
    const job = await api.deps.queues.webhooks.getJob(`deliver-${dispatchId}-1`);
    expect(job?.data).toEqual({ dispatchId, attempt: 1 });
    const message = await services.database.db.webhookMessage.findUniqueOrThrow({ where: { id: eventId } });
    expect(message.type).toBe("test");
    expect(JSON.parse(message.body)).toMatchObject({ id: eventId, type: "test", data: { endpointId: id } });
  });

  it("lists delivery attempts by endpoint, newest first, in pages", async () => {
    const { id } = await endpoint("logged");
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await delivered(id));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.call(
        "GET",
        `/api/webhook-deliveries?endpointId=${id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { token: api.tokens.viewer },
      );
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().total).toBe(3);
      seen.push(...page.json().items.map((item: { eventId: string }) => item.eventId));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((item) => item.id).reverse());
    const first = (await api.call("GET", `/api/webhook-deliveries?endpointId=${id}&limit=1`)).json().items[0];
    expect(first).toMatchObject({
      attempt: 1,
      status: "succeeded",
      httpStatus: 200,
      durationMs: 12,
      responseBody: "ok",
    });
    expect(first.dispatch).toMatchObject({ status: "succeeded", attempts: 1, nextAttemptAt: null });
  });

  it("redelivers a finished delivery (triager) as the next attempt of the same event; refuses while a retry is scheduled", async () => {
    const { id } = await endpoint("redelivered");
    const { dispatchId } = await delivered(id, "failed");
    const [row] = (await api.call("GET", `/api/webhook-deliveries?endpointId=${id}`)).json().items;
    expect(
      (await api.call("POST", `/api/webhook-deliveries/${row.id}/redeliver`, { token: api.tokens.viewer })).statusCode,
    ).toBe(403);
    const again = await api.call("POST", `/api/webhook-deliveries/${row.id}/redeliver`, { token: api.tokens.triager });
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toEqual({ dispatchId, attempt: 2 });
    expect((await api.deps.queues.webhooks.getJob(`deliver-${dispatchId}-2`))?.data).toEqual({
      dispatchId,
      attempt: 2,
    });
    // Asked again before the attempt is made: the same attempt (one job).
    const twice = await api.call("POST", `/api/webhook-deliveries/${row.id}/redeliver`, { token: api.tokens.triager });
    expect(twice.statusCode, twice.body).toBe(202);
    expect(twice.json()).toEqual({ dispatchId, attempt: 2 });
    // While a retry is scheduled for later, a redelivery is refused.
    await services.database.db.webhookDispatch.update({
      where: { id: dispatchId },
      data: { status: "pending", nextAttemptAt: new Date(Date.now() + 3600_000) },
    });
    const scheduled = await api.call("POST", `/api/webhook-deliveries/${row.id}/redeliver`, {
      token: api.tokens.triager,
    });
    expect(scheduled.statusCode).toBe(409);
    expect(scheduled.json().error.code).toBe("CONFLICT");
    expect((await api.call("POST", "/api/webhook-deliveries/none/redeliver")).statusCode).toBe(404);
  });
});
