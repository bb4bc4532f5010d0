// Real-format NDRs (RFC 3464 multipart/report) for the poller's tests and the benchmark; each
// one unique (Message-ID and body), so content hashes differ. Test-only.
import { randomBytes } from "node:crypto";

export function makeNdr(i = 0, options: { padBytes?: number; messageId?: string } = {}): Buffer {
  const boundary = `=_dsn_${i}_boundary`;
  const unique = randomBytes(6).toString("hex");
  const messageId = options.messageId ?? `<dsn-${i}-${unique}@mail.kommune.example>`;
  const padding = options.padBytes
    ? [
        "",
        "X"
          .repeat(76)
          .concat("\r\n")
          .repeat(Math.ceil(options.padBytes / 78)),
      ]
    : [];
  return Buffer.from(
    [
      `Return-Path: <>`,
      `Received: from mx.example.net by mail.kommune.example; Fri, 27 Nov 2026 10:00:00 +0000`,
      `From: Mail Delivery System <MAILER-DAEMON@mail.kommune.example>`,
      `To: sikkerhedsnet@kommune.example`,
      `Subject: Undelivered Mail Returned to Sender`,
      `Date: Fri, 27 Nov 2026 10:00:00 +0000`,
      `Message-ID: ${messageId}`,
      `MIME-Version: 1.0`,
      `Auto-Submitted: auto-replied`,
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      ``,
      `This is a MIME-encapsulated message.`,
      ``,
      `--${boundary}`,
      `Content-Type: text/plain; charset=us-ascii`,
      ``,
      `I'm sorry to have to inform you that your message could not be delivered (${unique}).`,
      `<borger${i}@example.org>: host mx.example.org said: 550 5.7.1 Message rejected by policy`,
      ...padding,
      ``,
      `--${boundary}`,
      `Content-Type: message/delivery-status`,
      ``,
      `Reporting-MTA: dns; mail.kommune.example`,
      `Arrival-Date: Fri, 27 Nov 2026 09:59:58 +0000`,
      ``,
      `Final-Recipient: rfc822; borger${i}@example.org`,
      `Action: failed`,
      `Status: 5.7.1`,
      `Remote-MTA: dns; mx.example.org`,
      `Diagnostic-Code: smtp; 550 5.7.1 Message rejected by policy`,
      ``,
      `--${boundary}`,
      `Content-Type: message/rfc822`,
      ``,
      `From: Sagsbehandler <sb${i}@kommune.example>`,
      `To: borger${i}@example.org`,
      `Subject: Sag nr. ${1000 + i}`,
      `Message-ID: <orig-${i}-${unique}@kommune.example>`,
      `Date: Fri, 27 Nov 2026 09:59:50 +0000`,
      ``,
      `Hej`,
      ``,
      `--${boundary}--`,
      ``,
    ].join("\r\n"),
  );
}
