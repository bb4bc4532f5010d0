import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { MailView } from "../mime/mail-view.js";
import { parseMessage } from "../parse-message.js";
import { exchange2003 } from "./exchange2003.js";

describe.skipIf(!corpusAvailable())("lhost-exchange2003 (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-exchange2003" });
    expect(f.results.filter((r) => r.decodedBy !== "exchange2003").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

const ndr = (body: string[]): string =>
  [
    "From: System Administrator <postmaster@kommune.example.dk>",
    "Subject: Undeliverable: Mødeindkaldelse",
    "X-Mailer: Internet Mail Service (5.5.2653.19)",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    ...body,
    "",
  ].join("\n");

describe("exchange2003", () => {
  it("reads each recipient's MSEXCH code and restates the original when none is attached", () => {
    const raw = ndr([
      "Your message",
      "",
      "  To:      borger@example.dk",
      "  Subject: Mødeindkaldelse",
      "  Sent:    Thu, 29 Apr 2004 10:00:00 +0200",
      "",
      "did not reach the following recipient(s):",
      "",
      "borger@example.dk on Thu, 29 Apr 2004 10:00:05 +0200",
      "    The recipient name is not recognized",
      "    MSEXCH:IMS:KOMMUNE:RADHUS:EXCH01 0 (000C05A6) Unknown Recipient",
      "sagsbehandler@example.org on Thu, 29 Apr 2004 10:00:05 +0200",
      "    Too many hops",
      "    MSEXCH:IMS:KOMMUNE:RADHUS:EXCH01 0 (00120270) Too Many Hops",
    ]);
    const result = exchange2003.parse(MailView.fromBinary(raw));
    expect(result?.recipients.map((r) => [r.address, r.reason])).toEqual([
      ["borger@example.dk", "userunknown"],
      ["sagsbehandler@example.org", "networkerror"],
    ]);
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("exchange2003");
    expect(report.original.subject).toBe("Mødeindkaldelse");
    expect(report.recipients[0]!.diagnosticCode).toContain("Unknown Recipient");
  });

  it("reads a localised (Danish) NDR by its layout and MSEXCH line", () => {
    const raw = ndr([
      "Din meddelelse",
      "",
      "  Til:      borger@example.dk",
      "  Emne:     Afgørelse",
      "  Sendt:    29-04-2004 10:00",
      "",
      "nåede ikke frem til følgende modtager(e):",
      "",
      "borger@example.dk den 29-04-2004 10:00",
      "    Modtagernavnet blev ikke genkendt",
      "    MSEXCH:IMS:KOMMUNE:RADHUS:EXCH01 0 (000C05A6) Ukendt modtager",
    ]);
    const result = exchange2003.parse(MailView.fromBinary(raw));
    expect(result?.recipients.map((r) => [r.address, r.reason])).toEqual([["borger@example.dk", "userunknown"]]);
  });

  it("returns null for an Exchange-stamped message without an NDR layout", () => {
    expect(exchange2003.parse(MailView.fromBinary(ndr(["Hej", "", "Vi ses i morgen."])))).toBeNull();
  });
});

describe("exchange2003 SMTP connector", () => {
  it("merges the RFC 3464 part with the text NDR", () => {
    const raw = [
      "From: postmaster@kommune.example.dk",
      "Subject: Undeliverable: Aktindsigt",
      "X-MS-Embedded-Report: ",
      "X-MimeOLE: Produced By Microsoft Exchange V6.5",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b9"',
      "",
      "--b9",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "Your message did not reach some or all of the intended recipients.",
      "",
      "      Subject:\tAktindsigt",
      "      Sent:\t29-04-2008 10:00",
      "",
      "The following recipient(s) could not be reached:",
      "",
      "      borger@example.org on 29-04-2008 10:00",
      "            The e-mail account does not exist at the organization this message was sent to.",
      "            <mx.kommune.example.dk #5.1.1 smtp;550 5.1.1 <borger@example.org>... User unknown>",
      "",
      "--b9",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns;mx.kommune.example.dk",
      "",
      "Final-Recipient: rfc822;borger@example.org",
      "Action: failed",
      "Status: 5.1.1",
      "Remote-MTA: dns;mx.example.org",
      "Diagnostic-Code: smtp;550 5.1.1 <borger@example.org>... User unknown",
      "",
      "--b9--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("exchange2003");
    expect(report.reportingMta).toBe("mx.kommune.example.dk");
    expect(report.recipients.map((r) => [r.address, r.status, r.remoteMta, r.reason])).toEqual([
      ["borger@example.org", "5.1.1", "mx.example.org", "userunknown"],
    ]);
  });
});
