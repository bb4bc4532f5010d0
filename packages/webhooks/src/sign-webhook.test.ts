import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { buildEnvelope } from "./build-envelope.js";
import { generateWebhookId } from "./generate-webhook-id.js";
import { generateWebhookSecret } from "./generate-webhook-secret.js";
import { signWebhook } from "./sign-webhook.js";

describe("signWebhook", () => {
  const at = new Date();
  const body = buildEnvelope("msg_1", "test", at, { hello: "world" });

  it("gives the Standard Webhooks headers, an HMAC of id.timestamp.body keyed with the secret's base64 part", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const headers = signWebhook({ id: "msg_1", at, body, secrets: [secret] });
    expect(headers["webhook-id"]).toBe("msg_1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`msg_1.${headers["webhook-timestamp"]}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it("signs with both secrets during a rotation, and either verifies", () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signWebhook({ id: "msg_2", at, body, secrets: [current, previous] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it("puts the envelope's fields in the body", () => {
    expect(JSON.parse(body)).toEqual({
      id: "msg_1",
      type: "test",
      timestamp: at.toISOString(),
      data: { hello: "world" },
    });
  });
});

describe("generateWebhookId", () => {
  it("gives msg_ and 24 letters: no digit run a DLP filter could take for a CPR number", () => {
    const ids = Array.from({ length: 200 }, generateWebhookId);
    for (const id of ids) expect(id).toMatch(/^msg_[a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
