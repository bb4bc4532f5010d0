// Every route of the OpenAPI document with every role, a wrong token and none: 401 without a
// valid token, 403 below the route's role, anything else at or above it. A route missing from the
// table fails the test, so a new route cannot ship without a decided role.
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, cprFindings, createApiTestApp } from "./test-support/api-test-app.js";

const services = useTestServices();
let api: ApiTestApp;

const PUBLIC = "public";
const EXPECTED: Record<string, "public" | "viewer" | "triager" | "admin"> = {
  "GET /healthz": PUBLIC,
  "GET /readyz": PUBLIC,
  "POST /api/session": PUBLIC,
  "GET /api/session": "viewer",
  "DELETE /api/session": "viewer",
  "POST /api/tokens": "admin",
  "GET /api/tokens": "admin",
  "DELETE /api/tokens/{id}": "admin",
  "GET /api/failures": "viewer",
  "PATCH /api/failures": "triager",
  "GET /api/failures/{id}": "viewer",
  "PATCH /api/failures/{id}": "triager",
  "GET /api/incidents": "viewer",
  "GET /api/incidents/{id}": "viewer",
  "POST /api/incidents/{id}/acknowledge": "triager",
  "POST /api/incidents/{id}/resolve": "triager",
  "POST /api/incidents/{id}/silence": "triager",
  "POST /api/incidents/{id}/escalate": "triager",
  "GET /api/reports/yearly": "viewer",
  "GET /api/reports/outcomes": "viewer",
  "GET /api/reports/serious": "viewer",
  "GET /api/reports/cause": "viewer",
  "GET /api/reports/responsible": "viewer",
  "GET /api/reports/department": "viewer",
  "GET /api/reports/recipient-domain": "viewer",
  "GET /api/quarantine": "viewer",
  "GET /api/quarantine/{id}": "triager",
  "POST /api/quarantine/{id}/reprocess": "triager",
  "POST /api/quarantine/reprocess": "triager",
  "GET /api/raw-messages/{id}": "admin",
  "GET /api/notices": "viewer",
  "POST /api/notices/{id}/resend": "triager",
  "POST /api/daily-checks": "triager",
  "GET /api/daily-checks": "viewer",
  "GET /api/mailboxes": "viewer",
  "POST /api/mailboxes": "admin",
  "PATCH /api/mailboxes/{id}": "admin",
  "GET /api/staff": "triager",
  "POST /api/staff/import": "admin",
  "POST /api/suppliers": "admin",
  "GET /api/suppliers": "viewer",
  "POST /api/webhook-endpoints": "admin",
  "POST /api/cpr/check": "viewer",
  "GET /api/audit": "admin",
  "GET /api/canary/runs": "viewer",
  "GET /api/alarms": "viewer",
};
const ORDER = ["viewer", "triager", "admin"] as const;

beforeAll(async () => {
  api = await createApiTestApp(services);
});
afterAll(async () => {
  expect(api.bodies.flatMap(cprFindings)).toEqual([]);
  await api.close();
});

describe("the role matrix", () => {
  it("covers every documented route with no token, a wrong token and each role", async () => {
    const spec = (await api.call("GET", "/docs/json", { token: null })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(EXPECTED).sort());
    const failures: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(" ") as ["GET" | "POST" | "PATCH" | "DELETE", string];
      const url = path.replace(/\{[^}]+\}/g, "no-such-id");
      const needed = EXPECTED[route]!;
      const attempts: [string, string | null][] = [
        ["none", null],
        ["wrong", "sn_not-a-real-token"],
        ...ORDER.map((role) => [role, api.tokens[role]] as [string, string]),
      ];
      for (const [who, token] of attempts) {
        const body = method === "GET" || method === "DELETE" ? undefined : {};
        const response = await api.call(method, url, { token, ...(body ? { body } : {}) });
        let expected: string;
        if (needed === PUBLIC) expected = "not 401/403";
        else if (who === "none" || who === "wrong") expected = "401";
        else expected = ORDER.indexOf(who as never) >= ORDER.indexOf(needed) ? "not 401/403" : "403";
        const got = response.statusCode;
        const ok = expected === "not 401/403" ? got !== 401 && got !== 403 : String(got) === expected;
        // GET /api/session with a bearer token and no cookie is 401 by design (it reports a session).
        const sessionProbe = route === "GET /api/session" && token && got === 401;
        if (!ok && !sessionProbe) failures.push(`${route} as ${who}: expected ${expected}, got ${got}`);
        if (got >= 400) expect(response.json(), `${route} as ${who}`).toHaveProperty("error.code");
      }
    }
    expect(failures).toEqual([]);
  });
});
