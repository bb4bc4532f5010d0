import { describe, expect, it } from "vitest";
import { readPollerConfig } from "./poller-config.js";

const KEY = Buffer.alloc(32, 1).toString("base64");

describe("readPollerConfig", () => {
  it("reads the OAuth2 client credentials with Microsoft 365's scope as the default", () => {
    const config = readPollerConfig({
      SAFETYNET_KEY: KEY,
      IMAP_OAUTH_TOKEN_URL: "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
      IMAP_OAUTH_CLIENT_ID: "id",
      IMAP_OAUTH_CLIENT_SECRET: "secret",
    });
    expect(config.IMAP_OAUTH_SCOPE).toBe("https://outlook.office365.com/.default");
  });

  it("names the missing variable when the token URL comes without a client, never a value", () => {
    expect(() =>
      readPollerConfig({
        SAFETYNET_KEY: KEY,
        IMAP_OAUTH_TOKEN_URL: "https://idp.example/token",
        IMAP_OAUTH_CLIENT_ID: "id",
      }),
    ).toThrow("IMAP_OAUTH_TOKEN_URL is set, so IMAP_OAUTH_CLIENT_SECRET must be set too (OAuth2 client credentials)");
    expect(() => readPollerConfig({ SAFETYNET_KEY: KEY, IMAP_OAUTH_TOKEN_URL: "ftp://idp.example/token" })).toThrow(
      /IMAP_OAUTH_TOKEN_URL/,
    );
  });
});
