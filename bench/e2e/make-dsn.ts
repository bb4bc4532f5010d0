// Real-format DSNs (RFC 3464) for the end-to-end benchmark: message i reports that the mail of
// caseworker i (its own sender) did not reach `recipients` addresses.
import { randomBytes } from "node:crypto";

export function makeDsn(i: number, recipients = 1): Buffer {
  const boundary = `=_dsn_${i}_boundary`;
  const unique = randomBytes(6).toString("hex");
  const rcpts = Array.from({ length: recipients }, (_, r) => `borger${i}-${r}@example${i % 40}.org`);
  return Buffer.from(
    [
      "Return-Path: <>",
      "From: Mail Delivery System <MAILER-DAEMON@mail.kommune.example>",
      "To: sikkerhedsnet@kommune.example",
      "Subject: Undelivered Mail Returned to Sender",
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <dsn-${i}-${unique}@mail.kommune.example>`,
      "MIME-Version: 1.0",
      "Auto-Submitted: auto-replied",
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain; charset=us-ascii",
      "",
      "Your message could not be delivered to one or more recipients.",
      "",
      `--${boundary}`,
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mail.kommune.example",
      "",
      ...rcpts.flatMap((address) => [
        `Final-Recipient: rfc822; ${address}`,
        "Action: failed",
        "Status: 5.1.1",
        `Remote-MTA: dns; mx.example${i % 40}.org`,
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
        "",
      ]),
      `--${boundary}`,
      "Content-Type: text/rfc822-headers",
      "",
      `From: Sagsbehandler <sb${i}@kommune.example>`,
      `To: ${rcpts[0]}`,
      `Subject: Sag nr. ${1000 + i}`,
      `Message-ID: <orig-${i}-${unique}@kommune.example>`,
      `Date: ${new Date().toUTCString()}`,
      "",
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}
