// One attempt against a real HTTP receiver on loopback, verified with the same standardwebhooks
// package a supplier would use: headers and signature, no redirects, the guard, the timeout.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type HttpReceiver, startHttpReceiver } from "@safetynet/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildEnvelope } from "./build-envelope.js";
import { generateWebhookSecret } from "./generate-webhook-secret.js";
import type { Resolver } from "./resolve-webhook-host.js";
import { sendWebhook } from "./send-webhook.js";
import { signWebhook } from "./sign-webhook.js";

let receiver: HttpReceiver;
const secret = generateWebhookSecret();
const allowLoopback = { allowHosts: ["127.0.0.1"] };

function signed(id = "msg_test") {
  const at = new Date();
  const body = buildEnvelope(id, "test", at, { endpointId: "e1" });
  return { url: `${receiver.url}/hook`, body, headers: signWebhook({ id, at, body, secrets: [secret] }) };
}

beforeAll(async () => {
  receiver = await startHttpReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.respondWith(200);
});

describe("sendWebhook", () => {
  it("POSTs JSON with the Standard Webhooks headers, and the signature verifies", async () => {
    receiver.respondWith({ status: 200, body: "x".repeat(5000) });
    const result = await sendWebhook(signed("msg_abc"), allowLoopback);
    expect(result).toMatchObject({ httpStatus: 200, error: null, blocked: false });
    expect(result.responseBody).toHaveLength(2048);
    const [request] = await receiver.waitForRequests(1);
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["webhook-id"]).toBe("msg_abc");
    expect(Number(request!.headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -1);
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>);
    expect(verified).toMatchObject({ id: "msg_abc", type: "test", data: { endpointId: "e1" } });
  });

  it("does not follow a redirect: the 302 is the attempt's result", async () => {
    const target = await startHttpReceiver();
    try {
      receiver.respondWith({ status: 302, headers: { location: `${target.url}/elsewhere` } });
      const result = await sendWebhook(signed(), allowLoopback);
      expect(result.httpStatus).toBe(302);
      expect(receiver.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it("reads Retry-After", async () => {
    receiver.respondWith({ status: 429, headers: { "retry-after": "120" } });
    expect(await sendWebhook(signed(), allowLoopback)).toMatchObject({ httpStatus: 429, retryAfterMs: 120_000 });
  });

  it("refuses a loopback address that is not allowed, sending nothing", async () => {
    const result = await sendWebhook(signed(), { allowHosts: [] });
    expect(result).toMatchObject({ httpStatus: null, blocked: true });
    expect(result.error).toMatch(/refused: 127\.0\.0\.1/);
    expect(receiver.requests).toHaveLength(0);
  });

  it("refuses private and link-local literals before any connection", async () => {
    for (const url of [
      "http://10.0.0.1/hook",
      "http://169.254.169.254/latest",
      "http://[::1]:9/x",
      "http://[fe80::1]/",
    ]) {
      const result = await sendWebhook({ ...signed(), url }, { allowHosts: [] });
      expect(result, url).toMatchObject({ blocked: true, httpStatus: null });
    }
  });

  it("refuses a name that resolves to a private address (the system resolver: localhost), sending nothing", async () => {
    const port = new URL(receiver.url).port;
    const result = await sendWebhook({ ...signed(), url: `http://localhost:${port}/hook` }, { allowHosts: [] });
    expect(result.blocked).toBe(true);
    expect(result.error).toMatch(/localhost resolves to a non-public address/);
    expect(receiver.requests).toHaveLength(0);
  });

  it("refuses a name when any of its answers is private", async () => {
    const resolve: Resolver = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.1.1.1", family: 4 },
    ];
    const result = await sendWebhook(
      { ...signed(), url: "https://hooks.supplier.test/x" },
      { allowHosts: [], resolve },
    );
    expect(result).toMatchObject({ blocked: true });
  });

  it("connects to the address it checked: the name is resolved once, not again by the socket", async () => {
    const port = new URL(receiver.url).port;
    let lookups = 0;
    const resolve: Resolver = async () => {
      lookups++;
      // A rebinding resolver would answer differently the second time; there must be no second time.
      return lookups === 1 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "10.9.9.9", family: 4 }];
    };
    const result = await sendWebhook(
      { ...signed(), url: `http://hooks.supplier.test:${port}/pinned` },
      { allowHosts: ["hooks.supplier.test"], resolve },
    );
    expect(result.httpStatus).toBe(200);
    expect(lookups).toBe(1);
    const [request] = await receiver.waitForRequests(1);
    expect(request!.headers.host).toBe(`hooks.supplier.test:${port}`);
    expect(request!.path).toBe("/pinned");
  });

  it("gives up after the timeout", async () => {
    const server = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await sendWebhook(
        { ...signed(), url: `http://127.0.0.1:${port}/slow` },
        { ...allowLoopback, timeoutMs: 300 },
      );
      expect(result).toMatchObject({ httpStatus: null, error: "timeout after 300 ms", blocked: false });
      expect(result.durationMs).toBeGreaterThanOrEqual(300);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
