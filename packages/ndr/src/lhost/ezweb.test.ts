import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-ezweb (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-ezweb" });
    expect(f.results.filter((r) => r.decodedBy !== "ezweb").map((r) => `${r.file}: ${r.decodedBy}`)).toEqual([]);
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(1);
    expect(f.statuses).toBeGreaterThanOrEqual(1);
  });
});

describe("ezweb remote rejection", () => {
  it("decides from the remote reply quoted under the recipient, not the notice's onhold line", () => {
    const raw = [
      "From: Postmaster@ezweb.ne.jp",
      "Subject: Mail System Error - Returned Mail",
      "Message-Id: <1.2@ezweb.ne.jp>",
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "Each of the following recipients was rejected by a remote",
      "mail server.",
      "",
      "    Recipient: <kunde@example.dk>",
      "    >>> MAIL FROM:<sender@ezweb.ne.jp>",
      "    <<< 550 SC-004 Unfortunately, messages from 192.0.2.1 weren't sent. The problem is that too many unwanted messages have been sent from the following IP address above.",
      "",
    ].join("\n");
    const report = parseMessage(raw);
    expect(report.decodedBy).toBe("ezweb");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["kunde@example.dk", "blocked"]]);
  });
});
