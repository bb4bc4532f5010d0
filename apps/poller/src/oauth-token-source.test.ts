import { describe, expect, it } from "vitest";
import { createAccessTokenSource, renewTime } from "./oauth-token-source.js";
import { startTokenEndpoint } from "./test-support/token-endpoint.js";
import type { TokenIntrospection } from "./test-support/token-introspection.js";

/** The endpoint's grants go nowhere here: these tests talk to the token endpoint only. */
const noIntrospection: TokenIntrospection = {
  url: "",
  grant: () => {},
  revoke: () => {},
  failWith: () => {},
  asked: [],
  close: async () => {},
};

describe("OAuth2 client-credentials token source", () => {
  it("renews a quarter of the lifetime early, at most five minutes", () => {
    expect(renewTime(0, 3600)).toBe(3600_000 - 300_000);
    expect(renewTime(1000, 4)).toBe(1000 + 4000 - 1000);
  });

  it("asks once, reuses the token until it is due, asks again after invalidate or when due", async () => {
    const endpoint = await startTokenEndpoint({
      introspection: noIntrospection,
      username: "u",
      clientId: "client-1",
      clientSecret: "s3cret-value",
      lifetimeSeconds: 3600,
    });
    let clock = 1_000_000;
    try {
      const source = createAccessTokenSource(
        { tokenUrl: endpoint.url, clientId: "client-1", clientSecret: "s3cret-value", scope: "imap/.default" },
        { now: () => clock },
      );
      const [a, b] = await Promise.all([source.get(), source.get()]);
      expect(a).toBe(b);
      expect(a).toMatchObject({ token: endpoint.issued[0], expiresAt: clock + 3600_000, renewAt: clock + 3300_000 });
      expect((await source.get()).token).toBe(endpoint.issued[0]);
      source.invalidate();
      expect((await source.get()).token).toBe(endpoint.issued[1]);
      clock += 3300_000;
      expect((await source.get()).token).toBe(endpoint.issued[2]);
      expect(source.issued).toBe(3);
      expect(endpoint.requests).toEqual(
        Array(3).fill({
          grantType: "client_credentials",
          clientId: "client-1",
          scope: "imap/.default",
          secretOk: true,
        }),
      );
    } finally {
      await endpoint.close();
    }
  });

  it("a refused client is an authentication failure whose message carries no secret", async () => {
    const endpoint = await startTokenEndpoint({
      introspection: noIntrospection,
      username: "u",
      clientId: "client-1",
      clientSecret: "right-secret",
      lifetimeSeconds: 60,
    });
    try {
      const source = createAccessTokenSource({
        tokenUrl: endpoint.url,
        clientId: "client-1",
        clientSecret: "wrong-secret",
        scope: "s",
      });
      const error = await source.get().then(
        () => null,
        (failure: unknown) => failure as Error & { authenticationFailed?: boolean },
      );
      expect(error?.message).toBe("token endpoint answered 401 invalid_client");
      expect(error?.authenticationFailed).toBe(true);
      expect(JSON.stringify({ ...error, message: error?.message })).not.toContain("wrong-secret");
    } finally {
      await endpoint.close();
    }
  });
});
