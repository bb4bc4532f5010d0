import { describe, expect, it } from "vitest";
import { decideReason, type ReasonEvidence } from "./decide-reason.js";

const exchangeOnline = (status: string, diagnostic: string): ReasonEvidence => ({
  action: "failed",
  status,
  replyCode: "550",
  diagnostic,
  smtpCommand: null,
  remoteMta: null,
  reportingMta: "AM0PR01MB1234.eurprd01.prod.outlook.com",
  recipient: "kunde@example.dk",
});

describe("Exchange Online replies: a phrase counts with its own status code", () => {
  it("reads the network errors as network errors", () => {
    expect(decideReason(exchangeOnline("5.4.312", "550 5.4.312 DNS query failed"))).toBe("networkerror");
    expect(
      decideReason(exchangeOnline("4.4.316", "451 4.4.316 Connection refused [Message=Socket error code 10061]")),
    ).toBe("networkerror");
  });

  it("reads the queue expiry under its own codes", () => {
    expect(decideReason(exchangeOnline("4.4.7", "550 4.4.7 QUEUE.Expired; message expired"))).toBe("expired");
  });

  it("does not take the wording under a code Microsoft does not pair it with", () => {
    expect(decideReason(exchangeOnline("5.1.1", "550 5.1.1 DNS query failed for the sender"))).not.toBe("networkerror");
  });
});

describe("Symantec Email Security.cloud (MessageLabs)", () => {
  it("reads its '542 <address> Rejected' as an unknown recipient", () => {
    const evidence: ReasonEvidence = {
      action: "failed",
      status: "5.0.0",
      replyCode: "542",
      diagnostic: "542 kunde@example.dk Rejected",
      smtpCommand: null,
      remoteMta: null,
      reportingMta: "server-12.bemta-3.messagelabs.com",
      recipient: "kunde@example.dk",
    };
    expect(decideReason(evidence)).toBe("userunknown");
  });
});

describe("Mimecast", () => {
  it("reads its security-policy refusal of content as a virus", () => {
    const evidence: ReasonEvidence = {
      action: "failed",
      status: "5.0.0",
      replyCode: "554",
      diagnostic: "554 email rejected due to security policies - MCSpamSignature.sa.2.2",
      smtpCommand: "DATA",
      remoteMta: "eu-smtp-inbound-1.mimecast.com",
      reportingMta: "mail.example.dk",
      recipient: "kunde@example.co.uk",
    };
    expect(decideReason(evidence)).toBe("virusdetected");
  });
});
