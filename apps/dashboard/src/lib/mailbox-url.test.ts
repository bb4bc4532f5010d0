import { describe, expect, it } from "vitest";
import { mailboxUrl } from "./mailbox-url.js";

describe("mailboxUrl", () => {
  it("puts user and password into the server URL so the API reads them back unchanged", () => {
    const url = mailboxUrl(" imaps://mail.kommune.example:993/INBOX ", "sikkerhedsnet@kommune.example", "p@ss:w%rd/1");
    expect(url).not.toBeNull();
    const parsed = new URL(url!);
    expect(parsed.host).toBe("mail.kommune.example:993");
    expect(parsed.pathname).toBe("/INBOX");
    expect(decodeURIComponent(parsed.username)).toBe("sikkerhedsnet@kommune.example");
    expect(decodeURIComponent(parsed.password)).toBe("p@ss:w%rd/1");
  });

  it("refuses anything that is not an imap or imaps URL with a host", () => {
    expect(mailboxUrl("mail.kommune.example", "u", "p")).toBeNull();
    expect(mailboxUrl("https://mail.kommune.example/INBOX", "u", "p")).toBeNull();
    expect(mailboxUrl("imaps:///INBOX", "u", "p")).toBeNull();
  });
});
