// Builds real-format non-delivery reports for tests and the benchmark: a Postfix RFC 3464 DSN
// and an Exchange-style NDR, with the Date header that fixes arrival order.

export interface DsnSpec {
  /** NDR arrival time (its Date header). */
  date: Date;
  from: string;
  to: string;
  subject: string;
  status: string;
  diagnostic: string;
  reportingMta?: string;
  remoteMta?: string | null;
  /** Deterministic id suffix so the same spec gives the same bytes. */
  id?: string;
  style?: "postfix" | "exchange";
  /** More failed recipients in the same report (Postfix style only), same status and text. */
  moreRecipients?: string[];
}

function rfc822Date(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

export function makeDsn(spec: DsnSpec): string {
  return spec.style === "exchange" ? exchangeNdr(spec) : postfixDsn(spec);
}

function postfixDsn(spec: DsnSpec): string {
  const mta = spec.reportingMta ?? "relay1.kommune.example";
  const id = spec.id ?? String(spec.date.getTime());
  const original = new Date(spec.date.getTime() - 5_000);
  const remoteOf = (to: string) =>
    spec.remoteMta === null ? "" : `Remote-MTA: dns; ${spec.remoteMta ?? `mx.${to.split("@")[1]}`}\n`;
  const all = [spec.to, ...(spec.moreRecipients ?? [])];
  const blocks = all
    .map(
      (to) =>
        `Final-Recipient: rfc822; ${to}\nOriginal-Recipient: rfc822;${to}\nAction: failed\nStatus: ${spec.status}\n${remoteOf(to)}Diagnostic-Code: smtp; ${spec.diagnostic}\n`,
    )
    .join("\n");
  return crlf(`Return-Path: <>
Received: by ${mta} (Postfix) id Q${id}
Date: ${rfc822Date(spec.date)}
From: MAILER-DAEMON@${mta} (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: sikkerhedsnet@kommune.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="BOUNDARY-${id}"
Message-Id: <ndr-${id}@${mta}>

This is a MIME-encapsulated message.

--BOUNDARY-${id}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host ${mta}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

${all.map((to) => `<${to}>: ${spec.diagnostic}`).join("\n\n")}

--BOUNDARY-${id}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; ${mta}
X-Postfix-Queue-ID: Q${id}
Arrival-Date: ${rfc822Date(original)}

${blocks}
--BOUNDARY-${id}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: <${spec.from}>
To: ${all.map((to) => `<${to}>`).join(", ")}
Subject: ${spec.subject}
Date: ${rfc822Date(original)}
Message-ID: <orig-${id}@kommune.example>

--BOUNDARY-${id}--
`);
}

function exchangeNdr(spec: DsnSpec): string {
  const mta = spec.reportingMta ?? "EXCH01.kommune.example";
  const id = spec.id ?? String(spec.date.getTime());
  const original = new Date(spec.date.getTime() - 5_000);
  return crlf(`From: postmaster@kommune.example
To: sikkerhedsnet@kommune.example
Date: ${rfc822Date(spec.date)}
Subject: Undeliverable: ${spec.subject}
Content-Type: multipart/report; report-type=delivery-status;
	boundary="EXB-${id}"
Content-Language: en-US
Message-ID: <ndr-${id}@${mta}>
MIME-Version: 1.0
X-MS-Exchange-Message-Is-Ndr:
Auto-Submitted: auto-replied

--EXB-${id}
Content-Type: text/plain; charset="us-ascii"

Delivery has failed to these recipients or groups:

${spec.to}
The message could not be delivered.

Diagnostic information for administrators:

Generating server: ${mta}

${spec.to}
${spec.remoteMta ?? `mx.${spec.to.split("@")[1]}`}
Remote Server returned '${spec.diagnostic}'

--EXB-${id}
Content-Type: message/delivery-status

Reporting-MTA: dns;${mta}
Received-From-MTA: dns;${mta}
Arrival-Date: ${rfc822Date(original)}

Final-Recipient: rfc822;${spec.to}
Action: failed
Status: ${spec.status}
Diagnostic-Code: smtp;${spec.diagnostic}
Remote-MTA: dns;${spec.remoteMta ?? `mx.${spec.to.split("@")[1]}`}

--EXB-${id}
Content-Type: text/rfc822-headers

From: Sagsbehandler <${spec.from}>
To: <${spec.to}>
Subject: ${spec.subject}
Date: ${rfc822Date(original)}
Message-ID: <orig-${id}@kommune.example>

--EXB-${id}--
`);
}
