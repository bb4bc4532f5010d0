import { openMailboxCredentials } from "@safetynet/db";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp, TEST_KEY } from "../test-support/api-test-app.js";

const services = useTestServices();
let api: ApiTestApp;

beforeAll(async () => {
  api = await createApiTestApp(services);
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("mailboxes", () => {
  it("are added with sealed credentials, listed with their sync state, paused and resumed", async () => {
    const { db } = services.database;
    const added = await api.call("POST", "/api/mailboxes", {
      body: { name: "second", url: "imaps://safety%40kommune.example:s3cret@imap.kommune.example:993/INBOX" },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.body).not.toContain("s3cret");
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: added.json().id } });
    expect(row.url).not.toContain("s3cret");
    expect(openMailboxCredentials(TEST_KEY, row.credentials!)).toEqual({
      user: "safety@kommune.example",
      pass: "s3cret",
    });
    await db.rawMessage.create({
      data: {
        mailboxId: row.id,
        sha256: "mb1",
        size: 1,
        encrypted: new Uint8Array([0]),
        receivedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const list = await api.call("GET", "/api/mailboxes", { token: api.tokens.viewer });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        name: "second",
        status: "active",
        lastUid: "0",
        lastMessageAt: "2026-01-01T00:00:00.000Z",
      }),
    ]);
    expect(
      (await api.call("POST", "/api/mailboxes", { body: { name: "second", url: "imap://u:p@h/INBOX" } })).statusCode,
    ).toBe(409);
    expect(
      (await api.call("POST", "/api/mailboxes", { body: { name: "third", url: "imap://h/INBOX" } })).statusCode,
    ).toBe(400);
    const paused = await api.call("PATCH", `/api/mailboxes/${row.id}`, { body: { status: "paused" } });
    expect(paused.json()).toEqual({ id: row.id, status: "paused" });
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("paused");
    const audit = await db.auditEvent.findMany({ where: { target: row.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["mailbox.added", "mailbox.updated"]);
    expect(JSON.stringify(audit)).not.toContain("s3cret");
  });
});

describe("staff directory", () => {
  it("imports CSV (Danish Excel) and lists it; a bad file imports nothing", async () => {
    const csv =
      "\uFEFFemail;navn;afdeling;leder;aktiv\r\nAnna@kommune.example;Anna A;Børn og unge;chef@kommune.example;ja\r\nbo@kommune.example;Bo B;IT;;nej\r\n";
    const imported = await api.call("POST", "/api/staff/import", {
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ upserted: 2, deactivated: 0 });
    const list = await api.call("GET", "/api/staff?department=IT", { token: api.tokens.triager });
    expect(list.json()).toEqual({
      items: [
        {
          email: "bo@kommune.example",
          name: "Bo B",
          department: "IT",
          managerEmail: null,
          active: false,
          language: "da",
        },
      ],
      total: 1,
    });
    expect((await api.call("GET", "/api/staff?q=anna")).json().items[0].email).toBe("anna@kommune.example");
    const bad = await api.call("POST", "/api/staff/import", {
      body: "email;navn\r\nnot-an-address;X\r\n",
      headers: { "content-type": "text/csv" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("PARSE_FAILED");
    expect((await api.call("GET", "/api/staff")).json().total).toBe(2);
  });
});

describe("suppliers and webhook endpoints (DESIGN.md shapes)", () => {
  it("creates a supplier and an endpoint whose secret is shown once", async () => {
    const supplier = await api.call("POST", "/api/suppliers", {
      body: {
        id: "sikkermail",
        name: "Secure mail supplier",
        match: { hosts: ["*.sikkermail.example", "relay.sikkermail.example"] },
      },
    });
    expect(supplier.statusCode, supplier.body).toBe(201);
    expect(supplier.json()).toMatchObject({
      id: "sikkermail",
      match: { hosts: ["*.sikkermail.example", "relay.sikkermail.example"] },
    });
    const again = await api.call("POST", "/api/suppliers", {
      body: { id: "sikkermail", name: "Renamed", match: { hosts: ["relay.sikkermail.example"] } },
    });
    expect(again.statusCode).toBe(200);
    expect((await api.call("GET", "/api/suppliers", { token: api.tokens.viewer })).json().items).toEqual([
      expect.objectContaining({ id: "sikkermail", name: "Renamed" }),
    ]);
    const endpoint = await api.call("POST", "/api/webhook-endpoints", {
      body: {
        supplierId: "sikkermail",
        url: "https://hooks.example/x",
        events: ["incident.opened", "incident.updated", "incident.resolved"],
      },
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const { id, secret } = endpoint.json();
    expect(Object.keys(endpoint.json()).sort()).toEqual(["id", "secret"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect((await services.database.db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret).toBe(secret);
    const audit = await services.database.db.auditEvent.findMany({ where: { target: id } });
    expect(JSON.stringify(audit)).not.toContain(secret);
    const unknown = await api.call("POST", "/api/webhook-endpoints", {
      body: { supplierId: "nobody", url: "https://hooks.example/x", events: ["incident.opened"] },
    });
    expect(unknown.statusCode).toBe(404);
    const badUrl = await api.call("POST", "/api/webhook-endpoints", {
      body: { supplierId: "sikkermail", url: "ftp://hooks.example/x", events: ["incident.opened"] },
    });
    expect(badUrl.statusCode).toBe(400);
  });
});

describe("CPR check and audit log", () => {
  it("answers masked matches and confidence only", async () => {
    const text = "Vedr. borger 010203-1234 og sag 2024-55";
    const response = await api.call("POST", "/api/cpr/check", { token: api.tokens.viewer, body: { text } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.containsCpr).toBe(true);
    expect(body.matches).toEqual([
      expect.objectContaining({ offset: 13, length: 11, masked: "0102XX-XXXX", tier: expect.any(String) }),
    ]);
    expect(response.body).not.toContain("010203-1234");
    const none = await api.call("POST", "/api/cpr/check", { body: { text: "Intet her" } });
    expect(none.json()).toEqual({ containsCpr: false, matches: [] });
  });

  it("lists every change with who, what, when, before and after, newest first, paged", async () => {
    const page = await api.call("GET", "/api/audit?limit=2");
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.call("GET", `/api/audit?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...response.json().items.map((item: { id: string }) => item.id));
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(page.json().total);
    const supplier = await api.call("GET", "/api/audit?action=supplier.updated");
    expect(supplier.json().items[0]).toMatchObject({
      actor: "admin-token",
      target: "sikkermail",
      detail: { before: { name: "Secure mail supplier" }, after: { name: "Renamed" } },
    });
    expect((await api.call("GET", "/api/audit", { token: api.tokens.triager })).statusCode).toBe(403);
  });
});
