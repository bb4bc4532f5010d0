// A real SMTP listener on loopback (smtp-server) that captures what the product sends and can
// be told to answer with a temporary or permanent error, for retry and failure tests.

import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface CapturedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parse(): Promise<ParsedMail>;
}

export interface SmtpListener {
  port: number;
  url: string;
  messages: CapturedMail[];
  /** Reply to the next DATA commands with this code (e.g. 451 or 550); null accepts again. */
  rejectWith(code: number | null, times?: number): void;
  /** The most messages that had sent all their bytes and still waited for the reply at once. */
  peakAwaitingReply(): number;
  /** SMTP sessions clients have opened so far. */
  sessionsOpened(): number;
  /** Ends every open session as a relay's idle timeout does (421, then close). */
  dropSessions(): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

function envelopeOf(session: SMTPServerSession) {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
  return { from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
}

export interface SmtpListenerOptions {
  /** Answer the end of DATA this much later (a slow relay), so a crash test can land inside DATA. */
  replyDelayMs?: number;
}

export async function startSmtpListener(options: SmtpListenerOptions = {}): Promise<SmtpListener> {
  const messages: CapturedMail[] = [];
  let rejection: { code: number; remaining: number } | null = null;
  const waiters = new Set<() => void>();
  let awaitingReply = 0;
  let peak = 0;
  let sessions = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A client that keeps a session open would otherwise hold close() for 30 s.
    closeTimeout: 1_000,
    onConnect(_session, callback) {
      sessions += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (rejection && rejection.remaining > 0) {
          rejection.remaining -= 1;
          const error = Object.assign(new Error(`${rejection.code} test listener refuses`), {
            responseCode: rejection.code,
          });
          if (rejection.remaining === 0) rejection = null;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        awaitingReply += 1;
        peak = Math.max(peak, awaitingReply);
        const accept = () => {
          awaitingReply -= 1;
          messages.push({ ...envelopeOf(session), raw, parse: () => simpleParser(raw) });
          for (const wake of waiters) wake();
          callback();
        };
        if (options.replyDelayMs) setTimeout(accept, options.replyDelayMs);
        else accept();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    peakAwaitingReply: () => peak,
    sessionsOpened: () => sessions,
    dropSessions() {
      const open = (
        server as unknown as { connections: Set<{ send(code: number, text: string): void; close(): void }> }
      ).connections;
      for (const connection of open) {
        connection.send(421, "Idle timeout, closing connection");
        connection.close();
      }
    },
    rejectWith(code, times = Number.POSITIVE_INFINITY) {
      rejection = code === null ? null : { code, remaining: times };
    },
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(messages.slice(0, count));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, got ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
