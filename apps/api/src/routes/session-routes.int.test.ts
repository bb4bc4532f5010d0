import { useTestServices } from "@safetynet/testing/hooks";
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

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join("\n") : (setCookie ?? "");
  const match = /sn_session=([^;]+)/.exec(header);
  if (!match) throw new Error("no sn_session cookie");
  return match[1]!;
}

describe("API tokens", () => {
  it("are shown once, stored hashed, listed without the token, and revoked", async () => {
    const created = await api.call("POST", "/api/tokens", { body: { name: "ops", role: "triager" } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^sn_/);
    const stored = await services.database.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    const list = await api.call("GET", "/api/tokens");
    expect(list.body).not.toContain(token);
    expect(list.json().items.map((item: { name: string }) => item.name)).toContain("ops");
    expect((await api.call("GET", "/api/failures", { token })).statusCode).toBe(200);
    expect((await api.call("DELETE", `/api/tokens/${id}`)).statusCode).toBe(204);
    expect((await api.call("GET", "/api/failures", { token })).statusCode).toBe(401);
    const audit = await services.database.db.auditEvent.findMany({
      where: { target: id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual(["api-token.created", "api-token.revoked"]);
  });

  it("answer 401 for no token or a wrong one, 403 for a role that may not", async () => {
    expect((await api.call("GET", "/api/failures", { token: null })).statusCode).toBe(401);
    expect((await api.call("GET", "/api/failures", { token: "sn_wrong" })).statusCode).toBe(401);
    const malformed = await api.call("GET", "/api/failures", { token: null, headers: { authorization: "Basic eDp5" } });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().error.code).toBe("UNAUTHORIZED");
    const forbidden = await api.call("POST", "/api/tokens", {
      token: api.tokens.triager,
      body: { name: "x", role: "admin" },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe("FORBIDDEN");
  });
});

describe("the dashboard session", () => {
  it("logs in with a token, sets an HttpOnly SameSite=Strict cookie, and needs the CSRF header to change things", async () => {
    const failed = await api.call("POST", "/api/session", { token: null, body: { token: "sn_nonsense" } });
    expect(failed.statusCode).toBe(401);
    const login = await api.call("POST", "/api/session", { token: null, body: { token: api.tokens.triager } });
    expect(login.statusCode).toBe(200);
    const { role, name, csrfToken } = login.json();
    expect(role).toBe("triager");
    expect(name).toBe("test triager");
    const setCookie = String(login.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = `sn_session=${sessionCookie(login.headers["set-cookie"])}`;

    const me = await api.call("GET", "/api/session", { token: null, headers: { cookie } });
    expect(me.json()).toEqual({ role: "triager", name: "test triager", csrfToken });
    expect((await api.call("GET", "/api/failures", { token: null, headers: { cookie } })).statusCode).toBe(200);
    const withoutCsrf = await api.call("PATCH", "/api/failures", {
      token: null,
      headers: { cookie },
      body: { ids: ["x"], change: { serious: true } },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    const withCsrf = await api.call("PATCH", "/api/failures", {
      token: null,
      headers: { cookie, "x-csrf-token": csrfToken },
      body: { ids: ["x"], change: { serious: true } },
    });
    expect(withCsrf.statusCode).toBe(200);
    expect(withCsrf.json()).toEqual({ updated: 0 });
    // The role still applies to a session.
    const adminOnly = await api.call("GET", "/api/tokens", { token: null, headers: { cookie } });
    expect(adminOnly.statusCode).toBe(403);

    expect((await api.call("DELETE", "/api/session", { token: null, headers: { cookie } })).statusCode).toBe(403);
    const logout = await api.call("DELETE", "/api/session", {
      token: null,
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect((await api.call("GET", "/api/session", { token: null, headers: { cookie } })).statusCode).toBe(401);
  });

  it("ends when its token is revoked", async () => {
    const created = (await api.call("POST", "/api/tokens", { body: { name: "short", role: "viewer" } })).json();
    const login = await api.call("POST", "/api/session", { token: null, body: { token: created.token } });
    const cookie = `sn_session=${sessionCookie(login.headers["set-cookie"])}`;
    expect((await api.call("GET", "/api/session", { token: null, headers: { cookie } })).statusCode).toBe(200);
    await api.call("DELETE", `/api/tokens/${created.id}`);
    expect((await api.call("GET", "/api/session", { token: null, headers: { cookie } })).statusCode).toBe(401);
  });

  it("a bearer request needs no CSRF header; GET /api/session without a cookie is 401", async () => {
    expect((await api.call("GET", "/api/session", { token: null })).statusCode).toBe(401);
    const patch = await api.call("PATCH", "/api/failures", {
      token: api.tokens.triager,
      body: { ids: ["x"], change: { outcome: "resent" } },
    });
    expect(patch.statusCode).toBe(200);
  });
});
