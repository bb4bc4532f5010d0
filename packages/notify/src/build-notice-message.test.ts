import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildNoticeMessage, rfc5322Date } from "./build-notice-message.js";
import { noticeIdFromToken } from "./notice-identity.js";

describe("buildNoticeMessage", () => {
  it("round-trips through a MIME parser: headers, encoded subject, both alternatives", async () => {
    const text = `Kære Åse,\nlinje to med æøå og en meget lang linje ${"x".repeat(120)}\n=slut`;
    const raw = buildNoticeMessage(
      "sikkerhedsnet@kommune.example",
      {
        noticeId: "5b0c3a52-1f7e-4c1e-9a51-0d8c2b1e7f00",
        to: "karen@kommune.example",
        messageId: "<sn-notice.abc@kommune.example>",
        language: "da",
        composed: { subject: "[Sikkerhedsnet] Din mail nåede IKKE frem", text, html: "<p>Hej &amp; farvel</p>" },
      },
      new Date("2026-11-28T14:05:09Z"),
    );
    expect(
      raw
        .toString("latin1")
        .split("\r\n")
        .every((line) => line.length <= 998),
    ).toBe(true);
    expect(raw.toString()).not.toMatch(/\d{10}/);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe("[Sikkerhedsnet] Din mail nåede IKKE frem");
    expect(parsed.text?.trimEnd()).toBe(text);
    expect(parsed.html).toBe("<p>Hej &amp; farvel</p>");
    expect(parsed.from?.value).toEqual([{ name: "Sikkerhedsnet", address: "sikkerhedsnet@kommune.example" }]);
    expect(parsed.messageId).toBe("<sn-notice.abc@kommune.example>");
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(noticeIdFromToken(String(parsed.headers.get("x-safetynet-notice")))).toBe(
      "5b0c3a52-1f7e-4c1e-9a51-0d8c2b1e7f00",
    );
    expect(parsed.date?.toISOString()).toBe("2026-11-28T14:05:09.000Z");
    expect(rfc5322Date(new Date("2026-01-04T03:02:01Z"))).toBe("Sun, 4 Jan 2026 03:02:01 +0000");
  });
});
