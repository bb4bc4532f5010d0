import { describe, expect, it } from "vitest";
import {
  canaryMessageId,
  canarySubject,
  canaryToken,
  canaryTokenIn,
  canaryTokenOfOriginal,
} from "./canary-identity.js";

describe("canary identity", () => {
  const token = canaryToken("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

  it("writes a UUID as 32 letters with no digit in it", () => {
    expect(token).toMatch(/^[a-p]{32}$/);
    expect(token).not.toMatch(/\d/);
  });

  it("finds the token in the probe's Message-ID and subject, and nowhere else", () => {
    expect(canaryTokenIn(canaryMessageId(token, "sikkerhedsnet@kommune.example"))).toBe(token);
    expect(canaryMessageId(token, "sikkerhedsnet@kommune.example")).toBe(`<sn-canary.${token}@kommune.example>`);
    expect(canaryTokenIn(canarySubject(token))).toBe(token);
    expect(canaryTokenIn("<AM0PR07MB1234A1B2C3D4E5F6@outlook.com>")).toBeNull();
    expect(canaryTokenIn("<sn-notice.abc@kommune.example>")).toBeNull();
    expect(canaryTokenIn(null)).toBeNull();
  });

  it("reads the original's Message-ID first, then its subject (masked or not)", () => {
    expect(
      canaryTokenOfOriginal({ messageId: null, subject: canarySubject(token).replace("010203-1234", "0102XX-XXXX") }),
    ).toBe(token);
    expect(canaryTokenOfOriginal({ messageId: "<x@y>", subject: "Sag vedrørende 0102XX-XXXX" })).toBeNull();
  });
});
