import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-amavis (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-amavis" });
    expect(f.results.filter((r) => r.decodedBy !== "amavis").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("amavis", () => {
  it("reads amavisd-new's own reject reason", () => {
    const raw = [
      'From: "Content-filter at mx.example.dk" <postmaster@mx.example.dk>',
      "Subject: VIRUS in message apparently from you",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b2"',
      "",
      "--b2",
      "Content-Type: text/plain",
      "",
      "The message WAS NOT delivered to:",
      "",
      "--b2",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.dk",
      "",
      "Final-Recipient: rfc822;borger@example.dk",
      "Action: failed",
      "Status: 5.7.0",
      "Diagnostic-Code: smtp; 554 5.7.0 Reject, id=11111-01 - INFECTED: Eicar-Test-Signature",
      "",
      "--b2--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("amavis");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["borger@example.dk", "virusdetected"]]);
  });
});
