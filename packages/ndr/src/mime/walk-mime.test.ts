import { describe, expect, it } from "vitest";
import { parseMessage } from "../parse-message.js";

const dsnBounce = (dsnPart: string) =>
  [
    "From: postmaster@mx.example.net",
    "To: sender@example.dk",
    "Subject: Returned mail",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="XX"',
    "",
    "--XX",
    "Content-Type: text/plain",
    "",
    "Delivery to the following recipient failed permanently.",
    "",
    "--XX",
    dsnPart,
    "",
    "--XX--",
    "",
  ].join("\n");

const FIELDS = [
  "Reporting-MTA: dns; mx.example.net",
  "Final-Recipient: rfc822; kunde@nowhere.example",
  "Action: failed",
  "Status: 5.1.2",
  "Diagnostic-Code: smtp; 550 5.1.2 Host unknown (Name server: nowhere.example: host not found)",
].join("\n");

describe("delivery-status parts written loosely", () => {
  const read = (raw: string) => parseMessage(raw).recipients.map((r) => [r.address, r.status, r.reason]);
  const expected = [["kunde@nowhere.example", "5.1.2", "hostunknown"]];

  it("reads the fields when the blank line after the part's MIME header is missing", () => {
    expect(read(dsnBounce(`Content-Type: message/delivery-status\n${FIELDS}`))).toEqual(expected);
  });

  it("reads a part with no MIME header at all whose lines are DSN fields", () => {
    expect(read(dsnBounce(FIELDS))).toEqual(expected);
  });

  it("reads lower-cased, folded and parameterised part headers", () => {
    expect(read(dsnBounce(`content-type: Message/Delivery-Status;\n charset=us-ascii\n\n${FIELDS}`))).toEqual(expected);
  });
});
