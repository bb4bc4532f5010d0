import { describe, expect, it } from "vitest";
import { parseMessage } from "../parse-message.js";

// Apache James' layout: the boundary parameter folded onto a line of its own without the
// leading blank (as James writes it), the error above "Message details:", the envelope below.
function jamesBounce(error: string[], rcpts: string[]): string {
  return [
    "From: postmaster@mail.example.net",
    "To: sender@example.dk",
    "Message-ID: <1.2.3.JavaMail.james@mail.example.net>",
    "Subject: [BOUNCE]",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="----=_Part_1"',
    "",
    "------=_Part_1",
    "Content-Type: multipart/alternative;",
    'boundary="----=_Part_2"',
    "",
    "------=_Part_2",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    ...error,
    "",
    "Message details:",
    "  Subject: Hej med dig",
    "  Sent date: Mon Feb 02 10:00:00 GMT 2026",
    "  MAIL FROM: sender@example.dk",
    ...rcpts.map((r) => `  RCPT TO: ${r}`),
    "  From: Sender <sender@example.dk>",
    "  Size (in bytes): 120",
    "",
    "------=_Part_2--",
    "",
    "------=_Part_1--",
    "",
  ].join("\n");
}

describe("apachejames", () => {
  it("reads each RCPT TO under the details, with the error above as its diagnosis", () => {
    const report = parseMessage(
      jamesBounce(
        [
          "Error: Invalid user address",
          "",
          "Error message below:",
          "550 - Requested action not taken: no such user here",
        ],
        ["one@example.net", "two@example.net"],
      ),
    );
    expect(report.decodedBy).toBe("apachejames");
    expect(report.kind).toBe("bounce");
    expect(report.recipients.map((r) => [r.address, r.replyCode, r.reason])).toEqual([
      ["one@example.net", "550", "filtered"],
      ["two@example.net", "550", "filtered"],
    ]);
    expect(report.original.subject).toBe("Hej med dig");
  });

  it("leaves a James message without details to the other modules", () => {
    const raw = jamesBounce(["Hello"], []).replace("Message details:", "Nothing here:");
    expect(parseMessage(raw).decodedBy).not.toBe("apachejames");
  });
});
