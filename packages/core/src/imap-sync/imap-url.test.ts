import { describe, expect, it } from "vitest";
import { mailboxNameFor, parseImapUrl, publicImapUrl } from "./imap-url.js";

describe("parseImapUrl", () => {
  it("reads the run contract's plain form", () => {
    expect(parseImapUrl("imap://ndr:s%40cret@127.0.0.1:1143/INBOX")).toEqual({
      host: "127.0.0.1",
      port: 1143,
      secure: false,
      startTls: "auto",
      verifyCertificate: true,
      user: "ndr",
      pass: "s@cret",
      folder: "INBOX",
    });
  });
  it("reads TLS, STARTTLS policy, default ports and folders", () => {
    expect(parseImapUrl("imaps://svc%40kommune.example@outlook.office365.com/Sikkerhedsnet")).toMatchObject({
      secure: true,
      port: 993,
      user: "svc@kommune.example",
      pass: null,
      folder: "Sikkerhedsnet",
    });
    expect(parseImapUrl("imap://u:p@mail.example/?starttls=required")).toMatchObject({
      port: 143,
      startTls: "required",
      folder: "INBOX",
    });
    expect(parseImapUrl("imaps://u:p@h:1993/INBOX?tls_verify=false").verifyCertificate).toBe(false);
    expect(() => parseImapUrl("imap://u:p@h/?starttls=maybe")).toThrow(/starttls/);
  });
  it("never keeps the password in the public form or the name", () => {
    const url = "imap://ndr:hunter2@127.0.0.1:1143/INBOX";
    expect(publicImapUrl(url)).toBe("imap://ndr@127.0.0.1:1143/INBOX");
    expect(mailboxNameFor(parseImapUrl(url))).toBe("ndr@127.0.0.1:1143/INBOX");
  });
});
