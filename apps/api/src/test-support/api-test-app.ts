// An API app on the test file's own database and Redis prefix, with one token per role, and a
// request helper that keeps every response body so the file can scan them all for CPR numbers.
import { createLogger } from "@safetynet/config";
import { find } from "@safetynet/cpr";
import { createRawMessageCipher, createTransactionPool } from "@safetynet/db";
import { createQueue } from "@safetynet/queue";
import type { TestServices } from "@safetynet/testing/hooks";
import type { LightMyRequestResponse } from "fastify";
import type { AppDeps } from "../app-deps.js";
import { type App, buildApp } from "../build-app.js";

export const TEST_KEY = Buffer.alloc(32, 7).toString("base64");
export const ADMIN_TOKEN = "test-admin-token-0123456789";

export interface ApiTestApp {
  app: App;
  deps: AppDeps;
  tokens: { viewer: string; triager: string; admin: string };
  call(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Every response body seen so far (the CPR scan reads them). */
  bodies: string[];
  close(): Promise<void>;
}

/** Ten digits shaped like a CPR number (DDMMYY-SSSS or DDMMYYSSSS), whatever the checksum. */
export const CPR_SHAPE = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[- ]?\d{4}(?!\d)/;

/** CPR numbers found in a response body: by the cpr package, and by shape alone. */
export function cprFindings(body: string): string[] {
  const found = find(body).map((match) => match.masked);
  const shaped = CPR_SHAPE.exec(body);
  return shaped ? [...found, `shape at ${shaped.index}`] : found;
}

export async function createApiTestApp(services: TestServices, overrides: Partial<AppDeps> = {}): Promise<ApiTestApp> {
  const connection = services.redis.connection();
  const prefix = services.redis.prefix;
  const deps: AppDeps = {
    db: services.database.db,
    sql: createTransactionPool(services.database.url, { poolSize: 4, genericPlans: false }),
    redis: connection,
    queues: {
      ingest: createQueue("ingest", { connection, prefix }),
      notify: createQueue("notify", { connection, prefix }),
      escalate: createQueue("escalate", { connection, prefix }),
      webhooks: createQueue("webhooks", { connection, prefix }),
    },
    cipher: createRawMessageCipher(TEST_KEY),
    secretKey: TEST_KEY,
    logger: createLogger({ level: "silent" }),
    adminToken: ADMIN_TOKEN,
    internalDomains: ["kommune.example"],
    rateLimit: false,
    ...overrides,
  };
  const app = await buildApp(deps);
  await app.ready();
  const bodies: string[] = [];
  const call: ApiTestApp["call"] = async (method, url, options = {}) => {
    const token = options.token === undefined ? ADMIN_TOKEN : options.token;
    const response = await app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.headers ?? {}) },
      ...(options.body !== undefined
        ? typeof options.body === "string"
          ? { payload: options.body }
          : { payload: options.body as object }
        : {}),
    });
    bodies.push(response.body);
    return response;
  };
  const tokens = { viewer: "", triager: "", admin: "" };
  for (const role of ["viewer", "triager", "admin"] as const) {
    const created = await call("POST", "/api/tokens", { body: { name: `test ${role}`, role } });
    tokens[role] = created.json().token;
  }
  return {
    app,
    deps,
    tokens,
    call,
    bodies,
    async close() {
      await app.close();
      await Promise.all(Object.values(deps.queues).map((queue) => queue.close()));
      await deps.sql.end();
    },
  };
}
