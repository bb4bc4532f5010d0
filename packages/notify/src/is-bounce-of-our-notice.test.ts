import { describe, expect, it } from "vitest";
import { isBounceOfOurNotice } from "./is-bounce-of-our-notice.js";
import { noticeIdFromMessageId, noticeMessageId } from "./notice-identity.js";

const original = (o: Partial<{ from: string; messageId: string; subject: string }>) => ({
  original: { from: null, messageId: null, subject: null, ...o },
});

describe("isBounceOfOurNotice", () => {
  it("recognises our Message-ID, our From address or our subject prefix", () => {
    const id = noticeMessageId("5b0c3a52-1f7e-4c1e-9a51-0d8c2b1e7f00", "sikkerhedsnet@kommune.example");
    expect(id).toBe("<sn-notice.lbgcjali-hfne-kche-palh-gdocibhenfgg@kommune.example>");
    expect(id).not.toMatch(/\d/);
    expect(noticeIdFromMessageId(id)).toBe("5b0c3a52-1f7e-4c1e-9a51-0d8c2b1e7f00");
    expect(isBounceOfOurNotice(original({ messageId: id }))).toBe(true);
    expect(
      isBounceOfOurNotice(original({ from: "Sikkerhedsnet <SIKKERHEDSNET@kommune.example>" }), {
        noticeFrom: "sikkerhedsnet@kommune.example",
      }),
    ).toBe(true);
    expect(isBounceOfOurNotice(original({ subject: "[Sikkerhedsnet] Din mail nåede IKKE frem" }))).toBe(true);
  });
  it("does not flag a caseworker's own mail", () => {
    expect(
      isBounceOfOurNotice(
        original({ from: "karen@kommune.example", messageId: "<x@kommune.example>", subject: "Sag 0102XX-XXXX" }),
        { noticeFrom: "sikkerhedsnet@kommune.example" },
      ),
    ).toBe(false);
    expect(noticeIdFromMessageId("<sn-notice@x>")).toBeNull();
  });
});
