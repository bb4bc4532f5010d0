// The shared rules every format module relies on (folded in from the vendor engineers'
// recommendations): each case names the server behaviour or RFC it exists for.
import { describe, expect, it } from "vitest";
import { headersFromPairs, inlineOriginalHeaders } from "./lhost/shared.js";
import { parseStructured } from "./mime/header.js";
import { parseMessage } from "./parse-message.js";
import { decideReason } from "./reason/decide-reason.js";
import { isHardBounce } from "./reason/hard-bounce.js";
import { textSays } from "./reason/text-table.js";
import { findReplyCode, joinMultilineReply } from "./smtp/find-codes.js";

describe("shared parsing rules", () => {
  it("reads a Content-Type written without the ';' before its parameters", () => {
    expect(parseStructured("text/plain charset=iso-2022-jp")).toEqual({
      value: "text/plain",
      params: { charset: "iso-2022-jp" },
    });
    expect(parseStructured('multipart/report; report-type=delivery-status; boundary="b"').params.boundary).toBe("b");
  });

  it('finds a reply code followed by a comma (Zoho\'s "ERROR_CODE :550,")', () => {
    expect(findReplyCode("ERROR_CODE :550, ERROR_CODE_DESC")).toBe("550");
    expect(findReplyCode("ResponseCode 421, try later")).toBe("421");
  });

  it("joins a multi-line reply (RFC 5321 section 4.2.1) into one sentence", () => {
    expect(joinMultilineReply("550-5.1.1 The email account does not exist. 550-5.1.1 Please try 550 5.1.1 again")).toBe(
      "550-5.1.1 The email account does not exist. Please try again",
    );
    expect(joinMultilineReply("550 no repeat here")).toBe("550 no repeat here");
  });

  it("keeps non-Latin-1 text in headers restated inline", () => {
    expect(
      headersFromPairs([
        ["Subject", "Møde om 北京"],
        ["To", null],
      ])?.get("subject"),
    ).toBe("Møde om 北京");
    expect(
      inlineOriginalHeaders("--- Original ---\nSubject: Ærlig talt ✓\nTo: a@example.org\n\nbody", [
        "--- Original ---",
      ])?.get("subject"),
    ).toBe("Ærlig talt ✓");
  });
});

describe("shared reason rules", () => {
  const base = {
    action: "failed" as const,
    replyCode: "550",
    smtpCommand: "RCPT",
    remoteMta: null,
    recipient: "a@example.org",
  };

  it("notaccept is hard unless the code is 4xx, and hard when there is no code (go-sisimai failure.IsHardBounce)", () => {
    expect(isHardBounce("notaccept", null, null)).toBe(true);
    expect(isHardBounce("notaccept", "5.3.2", null)).toBe(true);
    expect(isHardBounce("notaccept", "4.3.2", null)).toBe(false);
    expect(isHardBounce("notaccept", null, "421")).toBe(false);
  });

  it("a module's reason wins at its own place in the probe order, before later probes", () => {
    // Mimecast quoting Exchange Online, no SMTP command named: alone the text reads as a filter
    const evidence = {
      ...base,
      smtpCommand: null,
      status: "5.4.1",
      diagnostic: "recipient address rejected: access denied",
    };
    expect(decideReason({ ...evidence, explicit: null })).not.toBe("userunknown");
    expect(decideReason({ ...evidence, explicit: "userunknown" })).toBe("userunknown");
  });

  it("phrase tables answer as substring tests", () => {
    expect(textSays("mailboxfull", "552 5.2.2 mailbox full")).toBe(true);
    expect(textSays("mailboxfull", "mailbox (x) exceeded its limit")).toBe(true); // in-order fragments
    expect(textSays("mailboxfull", "mailbox.full")).toBe(false);
  });

  it("a generic X.0.0 status gives way to the code the remote reply names (RFC 3463 section 3.1)", () => {
    const bounce = [
      "From: Mail Delivery System <MAILER-DAEMON@example.org>",
      "To: sender@example.org",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "Delivery failed.",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.org",
      "",
      "Final-Recipient: rfc822; nobody@example.net",
      "Action: failed",
      "Status: 5.0.0",
      "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown",
      "--b--",
      "",
    ].join("\n");
    const [recipient] = parseMessage(bounce).recipients;
    expect(recipient?.status).toBe("5.1.1");
    expect(recipient?.reason).toBe("userunknown");
  });
});
