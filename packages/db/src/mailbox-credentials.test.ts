import { describe, expect, it } from "vitest";
import { openMailboxCredentials, sealMailboxCredentials } from "./mailbox-credentials.js";

const KEY = Buffer.alloc(32, 8).toString("base64");

describe("mailbox credentials", () => {
  it("are sealed with SAFETYNET_KEY and never stored in plain text", () => {
    const sealed = sealMailboxCredentials(KEY, { user: "svc@kommune.example", accessToken: "eyJ0eXAiOi-secret" });
    expect(Buffer.from(sealed).includes(Buffer.from("eyJ0eXAiOi"))).toBe(false);
    expect(openMailboxCredentials(KEY, sealed)).toEqual({
      user: "svc@kommune.example",
      accessToken: "eyJ0eXAiOi-secret",
    });
    expect(() => openMailboxCredentials(Buffer.alloc(32, 1).toString("base64"), sealed)).toThrow();
  });
});
