import { describe, expect, it } from "vitest";
import { parseMessage } from "../parse-message.js";

function biglobeBounce(from: string, error: string): string {
  return [
    `From: ${from}`,
    "To: sender@example.dk",
    "Subject: Returned mail: Service unavailable",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    'Content-Type: text/plain; charset="iso-2022-jp"',
    "",
    "   ----- The following addresses had delivery problems -----",
    "kunde@mxr.biglobe.ne.jp",
    "",
    "   ----- Non-delivered information -----",
    error,
    "",
    "--b1",
    "Content-Type: message/rfc822",
    "",
    "From: sender@example.dk",
    "To: kunde@mxr.biglobe.ne.jp",
    "Subject: Faktura",
    "",
    "Hej",
    "--b1--",
    "",
  ].join("\n");
}

describe("biglobe", () => {
  it("reads the address list and the ISP's message-count quota as mailboxfull", () => {
    const report = parseMessage(
      biglobeBounce(
        "postmaster@biglobe.ne.jp",
        "The number of messages in recipient's mailbox exceeded the local limit.",
      ),
    );
    expect(report.decodedBy).toBe("biglobe");
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["kunde@mxr.biglobe.ne.jp", "mailboxfull"]]);
    expect(report.original.subject).toBe("Faktura");
  });

  it("covers the cable ISPs on the same platform and their user-unknown wording", () => {
    const report = parseMessage(biglobeBounce("postmaster@ttv.ne.jp", "Mail Delivery Failed... User unknown"));
    expect(report.decodedBy).toBe("biglobe");
    expect(report.recipients.map((r) => r.reason)).toEqual(["filtered"]);
  });

  it("is not taken for another ISP's postmaster", () => {
    expect(parseMessage(biglobeBounce("postmaster@example.ne.jp", "x")).decodedBy).not.toBe("biglobe");
  });
});
