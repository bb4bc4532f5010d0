import { describe, expect, it } from "vitest";
import { corpusAvailable, runAccuracy } from "../../../../bench/parse/accuracy.js";
import { parseMessage } from "../parse-message.js";

describe.skipIf(!corpusAvailable())("lhost-amazonses (corpus)", () => {
  it("decodes every file of the family", () => {
    const f = runAccuracy({ family: "lhost-amazonses" });
    expect(f.recipients).toBe(1);
    expect(f.reasons).toBeGreaterThanOrEqual(0.75);
  });
});

describe("amazonses JSON notifications", () => {
  const notification = (payload: object): string =>
    [
      "From: SES <no-reply@sns.amazonaws.com>",
      "To: ops@example.dk",
      "Subject: AWS Notification Message",
      "Content-Type: text/plain; charset=UTF-8",
      "x-amz-sns-message-id: 00000000-0000-0000-0000-000000000000",
      "",
      JSON.stringify({ Type: "Notification", Message: JSON.stringify(payload) }),
      "",
      "--",
      "If you wish to stop receiving notifications from this topic, ...",
      "",
    ].join("\n");

  it("takes the reason from a Transient/MailboxFull bounce and the original headers from the payload", () => {
    const report = parseMessage(
      notification({
        notificationType: "Bounce",
        bounce: {
          bounceType: "Transient",
          bounceSubType: "MailboxFull",
          bouncedRecipients: [
            {
              emailAddress: "borger@example.org",
              action: "failed",
              status: "5.2.2",
              diagnosticCode: "smtp; 552 5.2.2 over quota",
            },
          ],
          reportingMTA: "dns; a1-2.smtp-out.eu-west-1.amazonses.com",
        },
        mail: { messageId: "abc-123", headers: [{ name: "Subject", value: "Din sag" }] },
      }),
    );
    expect(report.decodedBy).toBe("amazonses");
    expect(report.kind).toBe("bounce");
    expect(report.recipients[0]).toMatchObject({
      address: "borger@example.org",
      reason: "mailboxfull",
      status: "5.2.2",
      replyCode: "552",
    });
    expect(report.original.subject).toBe("Din sag");
  });

  it("reports an address on the suppression list as suppressed", () => {
    const report = parseMessage(
      notification({
        notificationType: "Bounce",
        bounce: {
          bounceType: "Permanent",
          bounceSubType: "OnAccountSuppressionList",
          bouncedRecipients: [
            {
              emailAddress: "borger@example.org",
              action: "failed",
              status: "5.1.1",
              diagnosticCode:
                "Amazon SES did not send the message to this address because it is on the suppression list for your account.",
            },
          ],
        },
        mail: {},
      }),
    );
    expect(report.recipients.map((r) => [r.address, r.reason])).toEqual([["borger@example.org", "suppressed"]]);
  });

  it("returns null for JSON that is not an SES notification", () => {
    const report = parseMessage(notification({ hello: "world" }));
    expect(report.decodedBy).not.toBe("amazonses");
  });
});
