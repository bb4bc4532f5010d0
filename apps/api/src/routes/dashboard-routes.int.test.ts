import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { useTestServices } from "@safetynet/testing/hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiTestApp, createApiTestApp } from "../test-support/api-test-app.js";

const services = useTestServices();
let dir: string;
let api: ApiTestApp;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sn-dashboard-"));
  writeFileSync(
    path.join(dir, "index.html"),
    "<!doctype html><title>Safety net</title><form><input type=password></form>",
  );
  writeFileSync(path.join(dir, "app.js"), "console.log('dashboard')");
  api = await createApiTestApp(services, { dashboardDir: dir });
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the dashboard's files", () => {
  it("are served at / with history routing, without touching the API's answers", async () => {
    const root = await api.call("GET", "/", { token: null });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain("<input type=password>");
    const page = await api.call("GET", "/failures/abc?x=1", { token: null });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("Safety net");
    const script = await api.call("GET", "/app.js", { token: null });
    expect(script.body).toBe("console.log('dashboard')");
    const unknownApi = await api.call("GET", "/api/nothing-here");
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json().error.code).toBe("NOT_FOUND");
    expect((await api.call("GET", "/api/failures", { token: null })).statusCode).toBe(401);
    expect((await api.call("GET", "/docs/json", { token: null })).statusCode).toBe(200);
    expect((await api.call("POST", "/failures", { token: null })).statusCode).toBe(404);
  });

  it("without a build, / says how to build it", async () => {
    const bare = await createApiTestApp(services, { dashboardDir: null });
    try {
      const root = await bare.call("GET", "/", { token: null });
      expect(root.statusCode).toBe(200);
      expect(root.body).toMatch(/npm run build/);
      expect((await bare.call("GET", "/failures", { token: null })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
