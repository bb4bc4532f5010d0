// The municipality's mail chain in one loopback process, for tests and the demo: an SMTP relay
// with the DLP rule of 2018 (a CPR number in the subject is refused), which relays everything
// else to a sink and writes an Exchange-style NDR (RFC 3464 multipart/report with the original's
// headers) for what it refused into the safety-net mailbox by IMAP APPEND, as the real filter and
// gateway do. `dropNdrs(true)` reproduces the 2018 fault: refused mail, no NDR anywhere.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { containsCpr } from "@safetynet/cpr";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export interface NdrMailbox {
  host: string;
  port: number;
  user: string;
  pass: string;
  folder?: string;
}

export interface ChainSimulatorOptions {
  /** Where the safety-net mailbox is (Dovecot); NDRs are appended there. */
  ndrMailbox: NdrMailbox;
  /** SMTP URL that accepted mail is relayed to; without it, accepted mail is only kept in `relayed`. */
  relayUrl?: string;
  port?: number;
  host?: string;
  /** The filter's host name in the NDR (Reporting-MTA, Received). */
  reportingMta?: string;
  /** Called for each message the chain handles (the demo prints it; ids and addresses, no subjects). */
  onEvent?(event: ChainEvent): void;
}

export type ChainEvent =
  | { type: "refused"; from: string; to: string[]; ndr: "appended" | "dropped" }
  | { type: "relayed"; from: string; to: string[] }
  | { type: "error"; error: string };

export interface ChainMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface ChainSimulator {
  port: number;
  url: string;
  refused: ChainMail[];
  relayed: ChainMail[];
  /** NDRs written into the safety-net mailbox so far. */
  ndrsAppended: number;
  /** true: refuse as before but write no NDR (the silent failure the safety net exists for). */
  dropNdrs(drop: boolean): void;
  waitForNdrs(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once `count` messages have been refused in all (with or without an NDR). */
  waitForRefused(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");
const rfcDate = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

/** The original's header block, as Exchange returns it in the text/rfc822-headers part. */
function headerBlock(raw: Buffer): string {
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).replace(/\r?\n/g, "\r\n");
}

/** An NDR as Exchange Online writes it for a transport rule that rejects a message (RFC 3464). */
export function buildDlpNdr(mail: ChainMail, options: { reportingMta: string; now?: Date }): Buffer {
  const now = options.now ?? new Date();
  const mta = options.reportingMta;
  const sender = mail.from || "postmaster@invalid";
  const domain = sender.split("@")[1] ?? "kommune.example";
  const boundary = `ndr_${randomUUID()}`;
  const inner = `alt_${randomUUID()}`;
  const originalId = /^message-id:\s*(.+)$/im.exec(headerBlock(mail.raw))?.[1]?.trim();
  const recipients = mail.to;
  const explanation = [
    `Din meddelelse til ${recipients.join(", ")} blev ikke leveret, fordi den blev afvist af en transportregel i din organisation.`,
    "",
    "Meddelelsen indeholder et CPR-nummer i emnefeltet. Emnefeltet bliver aldrig krypteret. Fjern CPR-nummeret fra emnet, og send meddelelsen igen.",
    "",
    "Oplysninger om diagnosticering for administratorer:",
    "",
    `Genererende server: ${mta}`,
    "",
    ...recipients.flatMap((rcpt) => [
      rcpt,
      "Remote Server returned '550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy'",
    ]),
    "",
    "Oprindelige meddelelseshoveder:",
  ].join("\r\n");
  const perRecipient = recipients
    .map((rcpt) =>
      [
        `Final-Recipient: rfc822;${rcpt}`,
        "Action: failed",
        "Status: 5.7.1",
        "Diagnostic-Code: smtp;550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was",
        " rejected by organization policy",
      ].join("\r\n"),
    )
    .join("\r\n\r\n");
  const lines = [
    `Received: from ${mta} (127.0.0.1) by ${mta} with mapi id 15.20.7409.12; ${rfcDate(now)}`,
    "MIME-Version: 1.0",
    `From: postmaster@${domain}`,
    `To: <${sender}>`,
    `Date: ${rfcDate(now)}`,
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`,
    "X-MS-Exchange-Message-Is-Ndr: ",
    "Content-Language: da-DK",
    `Message-ID: <${randomUUID()}@${mta}>`,
    ...(originalId ? [`In-Reply-To: ${originalId}`, `References: ${originalId}`] : []),
    // The subject is the original's, prefixed, as Exchange writes it (the CPR number included).
    `Subject: Ikke leveret: ${/^subject:\s*(.*(?:\r?\n[ \t].*)*)$/im.exec(headerBlock(mail.raw))?.[1]?.trim() ?? ""}`,
    "Auto-Submitted: auto-replied",
    "X-MS-Exchange-Organization-SCL: -1",
    "X-MS-TrafficTypeDiagnostic: TransportRuleNDR",
    "",
    `--${boundary}`,
    `Content-Type: multipart/alternative; differences=Content-Type;\r\n\tboundary="${inner}"`,
    "",
    `--${inner}`,
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    explanation,
    "",
    `--${inner}--`,
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    `Reporting-MTA: dns;${mta}`,
    `Received-From-MTA: dns;${mta}`,
    `Arrival-Date: ${rfcDate(now)}`,
    "",
    perRecipient,
    "",
    `--${boundary}`,
    "Content-Type: text/rfc822-headers",
    "",
    headerBlock(mail.raw),
    "",
    `--${boundary}--`,
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "utf8");
}

async function appendToMailbox(mailbox: NdrMailbox, message: Buffer): Promise<void> {
  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: mailbox.user, pass: mailbox.pass },
    logger: false,
  });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.append(mailbox.folder ?? "INBOX", message);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function startChainSimulator(options: ChainSimulatorOptions): Promise<ChainSimulator> {
  const refused: ChainMail[] = [];
  const relayed: ChainMail[] = [];
  let drop = false;
  let ndrsAppended = 0;
  const reportingMta = options.reportingMta ?? "dlp-filter.kommune.example";
  const relay = options.relayUrl ? nodemailer.createTransport(options.relayUrl) : null;
  const emit = (event: ChainEvent) => options.onEvent?.(event);
  const waiters = new Set<() => void>();

  async function handle(mail: ChainMail): Promise<void> {
    const parsed = await simpleParser(mail.raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
    if (containsCpr(parsed.subject ?? "")) {
      if (drop) {
        refused.push(mail);
        for (const wake of waiters) wake();
        return emit({ type: "refused", from: mail.from, to: mail.to, ndr: "dropped" });
      }
      await appendToMailbox(options.ndrMailbox, buildDlpNdr(mail, { reportingMta }));
      ndrsAppended += 1;
      refused.push(mail);
      for (const wake of waiters) wake();
      return emit({ type: "refused", from: mail.from, to: mail.to, ndr: "appended" });
    }
    if (relay) await relay.sendMail({ envelope: { from: mail.from, to: mail.to }, raw: mail.raw });
    relayed.push(mail);
    emit({ type: "relayed", from: mail.from, to: mail.to });
  }

  function waitUntil(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${what()} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail: ChainMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        };
        // Accepted first (250 queued), handled after, as a real filter does: the sender's client
        // sees success either way; only an NDR can tell it otherwise.
        callback(null, "2.0.0 queued");
        handle(mail).catch((error: Error) => emit({ type: "error", error: error.message }));
      });
    },
  });
  server.on("error", (error) => emit({ type: "error", error: error.message }));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    port,
    url: `smtp://${options.host ?? "127.0.0.1"}:${port}`,
    refused,
    relayed,
    get ndrsAppended() {
      return ndrsAppended;
    },
    dropNdrs(value) {
      drop = value;
    },
    waitForNdrs(count, timeoutMs = 10_000) {
      return waitUntil(
        () => ndrsAppended >= count,
        timeoutMs,
        () => `expected ${count} NDRs, ${ndrsAppended} appended`,
      );
    },
    waitForRefused(count, timeoutMs = 10_000) {
      return waitUntil(
        () => refused.length >= count,
        timeoutMs,
        () => `expected ${count} refused, got ${refused.length}`,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        relay?.close();
        server.close(() => resolve());
      }),
  };
}
