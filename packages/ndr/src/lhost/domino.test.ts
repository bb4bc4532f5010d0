import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { MailView } from "../mime/mail-view.js";
import { parseMessage } from "../parse-message.js";
import { domino } from "./domino.js";

describe.skipIf(!corpusAvailable())("lhost-domino (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-domino" });
    expect(f.results.filter((r) => r.decodedBy !== "domino").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("domino", () => {
  it("reads text-only failures, one block per recipient", () => {
    const raw = [
      "From: Postmaster@region.example.dk",
      "Subject: DELIVERY FAILURE: Cannot route mail to user (sag@example.dk)",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "Your message",
      "",
      "  Subject: Partshøring",
      "",
      "was not delivered to:",
      "",
      "  sag@example.dk",
      "",
      "because:",
      "",
      "  Cannot route mail to user (sag@example.dk)",
      "",
      "was not delivered to:",
      "",
      "  jurist@example.dk",
      "",
      "because:",
      "",
      "  User jurist (jurist@example.dk) not listed in Domino Directory",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("domino");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([
      ["sag@example.dk", "filtered"],
      ["jurist@example.dk", "userunknown"],
    ]);
    expect(report.original.subject).toBe("Partshøring");
  });

  it("reads a translated notice by its indented layout", () => {
    const raw = [
      "From: Postmaster@region.example.dk",
      "Subject: DELIVERY FAILURE: Bruger ikke fundet",
      "",
      "Din meddelelse",
      "",
      "  Emne: Partshøring",
      "",
      "blev ikke leveret til:",
      "",
      "  sag@example.dk",
      "",
      "fordi:",
      "",
      "  User sag (sag@example.dk) not listed in Domino Directory",
      "",
    ].join("\n");
    const result = domino.parse(MailView.fromBinary(raw));
    expect(result?.recipients.map((r) => [r.address, r.diagnosticCode])).toEqual([
      ["sag@example.dk", "User sag (sag@example.dk) not listed in Domino Directory"],
    ]);
  });
});
