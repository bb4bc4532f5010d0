import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-outlook (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-outlook" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("outlook", () => {
  it("uses the text part's sentence when the DSN has no Diagnostic-Code", () => {
    const raw = [
      "From: postmaster@mail.hotmail.com",
      "Subject: Delivery Status Notification (Failure)",
      "X-Message-Delivery: Vj0xLjE7",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "This is an automatically generated Delivery Status Notification.",
      "",
      "The mail could not be delivered to the recipient because the domain is not reachable. Please check the domain and try again.",
      "",
      "       borger@nosuchdomain.example",
      "",
      "--b",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns;BAY004-OMC1S18.hotmail.com",
      "",
      "Final-Recipient: rfc822;borger@nosuchdomain.example",
      "Action: failed",
      "Status: 5.4.4",
      "",
      "--b--",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("outlook");
    expect(report.recipients.map((r) => [r.address, r.reason, r.hardBounce])).toEqual([
      ["borger@nosuchdomain.example", "hostunknown", true],
    ]);
  });
});
