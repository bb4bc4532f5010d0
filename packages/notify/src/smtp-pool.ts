// A small pool of nodemailer SMTPConnection objects (nodemailer's documented low-level API), so the
// notice path sees each SMTP phase: the message bytes are handed over only after the server's 354
// to DATA, which is where a notice's delivery becomes uncertain (see sendGated).
import { Readable } from "node:stream";
import SMTPConnection from "nodemailer/lib/smtp-connection";

export interface SmtpPoolOptions {
  connection: SMTPConnection.Options;
  auth?: { user: string; pass: string };
  /** Connections open at once. */
  size: number;
  /** Messages between their bytes and the server's reply at once (NOTICE_DATA_WINDOW). */
  dataWindow: number;
  /** Messages one connection carries before it is replaced (servers limit messages per session). */
  maxMessages: number;
  /**
   * Connections kept open while nothing is sent, opened at start and again whenever the server
   * closes one: a notice does not wait for a new session (a relay's greeting delay, TLS, AUTH).
   * 0 opens connections only when a notice needs one.
   */
  warm?: number;
}

interface PooledConnection {
  smtp: SMTPConnection;
  sent: number;
  alive: boolean;
}

export interface GatedSend {
  from: string;
  to: string;
  raw: Buffer;
  /** Runs after the server answered 354 to DATA and before the first byte of the message is sent. */
  onDataStart?: () => Promise<void>;
  /**
   * Runs after the server accepted, still inside the DATA gate (the connection is already free for
   * the next envelope): a notice stays counted in the window until its acceptance is recorded, so
   * a crash between the reply and that record is covered by the same bound.
   */
  onAccepted?: () => Promise<void>;
}

export interface SmtpPool {
  send(message: GatedSend): Promise<{ response: string; accepted: string[] }>;
  /** Sessions open and ready for the next message. */
  idleSessions(): number;
  close(): void;
}

function connect(options: SmtpPoolOptions, onDead: (pooled: PooledConnection) => void): Promise<PooledConnection> {
  return new Promise((resolve, reject) => {
    const smtp = new SMTPConnection(options.connection);
    const pooled: PooledConnection = { smtp, sent: 0, alive: true };
    let settled = false;
    const dead = () => {
      if (!pooled.alive) return;
      pooled.alive = false;
      if (settled) onDead(pooled);
    };
    const fail = (error: Error) => {
      dead();
      if (settled) return;
      settled = true;
      smtp.close();
      reject(error);
    };
    // After connect, a dropped or timed-out connection only marks itself dead: the next send on it
    // fails before MAIL FROM, and the pool opens a fresh one (an idle one is replaced at once).
    smtp.on("error", fail);
    smtp.on("end", dead);
    smtp.connect((error) => {
      if (error) return fail(error);
      if (!options.auth) {
        settled = true;
        return resolve(pooled);
      }
      smtp.login(options.auth, (loginError) => {
        if (loginError) return fail(loginError);
        settled = true;
        resolve(pooled);
      });
    });
  });
}

/**
 * The message as a stream that yields nothing until `onDataStart` has finished. SMTPConnection
 * pipes the message only after the envelope (MAIL FROM, RCPT TO) is accepted and DATA answered
 * 354, so `onDataStart` runs exactly between RCPT and the end of DATA, and a server cannot have
 * accepted a message whose `onDataStart` never finished: it has not had one byte of it.
 */
function gatedStream(raw: Buffer, onDataStart?: () => Promise<void>): Readable {
  let started = false;
  return new Readable({
    read() {
      if (started) return;
      started = true;
      Promise.resolve(onDataStart?.()).then(
        () => {
          this.push(raw);
          this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}

function sendOn(pooled: PooledConnection, message: GatedSend) {
  return new Promise<{ response: string; accepted: string[] }>((resolve, reject) => {
    pooled.smtp.send(
      { from: message.from, to: [message.to] },
      gatedStream(message.raw, message.onDataStart),
      (error, info) => {
        if (error) return reject(error);
        resolve({ response: String(info?.response ?? ""), accepted: (info?.accepted ?? []).map(String) });
      },
    );
  });
}

/**
 * At most `width` messages at a time between their bytes and the server's reply, in this process:
 * a crash can then cut off at most that many messages the server may have accepted, so it costs at
 * most that many duplicates (NOTICE_ON_UNCERTAIN=resend), each marked and counted. The envelopes of
 * the other connections go on meanwhile. One at a time would hold the process to one notice per
 * reply time of the relay (10/s behind a relay that scans each message for 100 ms).
 */
function createDataGate(width: number) {
  let inside = 0;
  const queue: (() => void)[] = [];
  return {
    async enter(): Promise<void> {
      if (inside < width) {
        inside += 1;
        return;
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    },
    leave(): void {
      const next = queue.shift();
      if (next) next();
      else inside -= 1;
    },
  };
}

/** Waits between failed attempts to open a warm connection: from 1 s, doubling, at most a minute. */
const WARM_RETRY_MS = { first: 1_000, max: 60_000 };

export function createSmtpPool(options: SmtpPoolOptions): SmtpPool {
  const dataGate = createDataGate(options.dataWindow);
  const idle: PooledConnection[] = [];
  const waiters: ((pooled: PooledConnection | null) => void)[] = [];
  let open = 0;
  let closed = false;
  const warmTarget = Math.min(options.warm ?? 0, options.size);
  let warming = false;
  let warmRetryMs = WARM_RETRY_MS.first;
  let warmTimer: NodeJS.Timeout | null = null;

  /** An idle connection the server closed leaves the pool now, not at the next send. */
  function onDead(pooled: PooledConnection) {
    const at = idle.indexOf(pooled);
    if (at < 0) return; // in use: its send fails and retires it
    idle.splice(at, 1);
    open -= 1;
    pooled.smtp.close();
    scheduleWarm(0);
  }

  function scheduleWarm(delayMs: number) {
    if (closed || warmTarget === 0 || warmTimer) return;
    warmTimer = setTimeout(() => {
      warmTimer = null;
      void keepWarm();
    }, delayMs);
    warmTimer.unref();
  }

  /** Opens connections until `warm` are open (idle or in use); errors only delay the next try. */
  async function keepWarm() {
    if (warming) return;
    warming = true;
    try {
      while (!closed && open < warmTarget) {
        open += 1;
        let pooled: PooledConnection;
        try {
          pooled = await connect(options, onDead);
        } catch {
          open -= 1;
          scheduleWarm(warmRetryMs);
          warmRetryMs = Math.min(warmRetryMs * 2, WARM_RETRY_MS.max);
          return;
        }
        warmRetryMs = WARM_RETRY_MS.first;
        release(pooled);
      }
    } finally {
      warming = false;
    }
  }

  function retire(pooled: PooledConnection) {
    pooled.alive = false;
    open -= 1;
    // QUIT politely when the session is healthy; close() otherwise (a half-sent DATA must never end with ".").
    pooled.smtp.close();
    const next = waiters.shift();
    if (next) next(null);
    scheduleWarm(0);
  }

  async function acquire(): Promise<PooledConnection> {
    for (;;) {
      if (closed) throw Object.assign(new Error("notice transport closed"), { code: "ECLOSED" });
      // Never a dead one: a session that ends while idle leaves the pool at once (onDead).
      const ready = idle.pop();
      if (ready) return ready;
      if (open < options.size) {
        open += 1;
        try {
          return await connect(options, onDead);
        } catch (error) {
          open -= 1;
          waiters.shift()?.(null);
          throw error;
        }
      }
      // Wait for a connection to come back (or for a slot, when one was retired).
      const handed = await new Promise<PooledConnection | null>((resolve) => waiters.push(resolve));
      if (handed) return handed;
    }
  }

  function release(pooled: PooledConnection) {
    if (closed || !pooled.alive || pooled.sent >= options.maxMessages) return retire(pooled);
    const next = waiters.shift();
    if (next) next(pooled);
    else idle.push(pooled);
  }

  scheduleWarm(0);
  return {
    async send(message) {
      // A reused connection may have been dropped by the server while idle; that shows before
      // DATA began, so one fresh connection is tried before the error reaches the caller.
      for (let attempt = 1; ; attempt++) {
        const pooled = await acquire();
        const reused = pooled.sent > 0;
        let dataStarted = false;
        let inGate = false;
        let finished = false;
        const leaveGate = () => {
          finished = true;
          if (inGate) dataGate.leave();
          inGate = false;
        };
        let result: { response: string; accepted: string[] };
        try {
          result = await sendOn(pooled, {
            ...message,
            onDataStart: async () => {
              dataStarted = true;
              await message.onDataStart?.();
              await dataGate.enter();
              // The transaction may have failed while this one waited: pass the gate on at once.
              if (finished) {
                dataGate.leave();
                throw new Error("SMTP transaction ended while waiting");
              }
              inGate = true;
            },
          });
        } catch (error) {
          leaveGate();
          // After any error the session's state is unknown: never reuse it.
          retire(pooled);
          const code = (error as { code?: string }).code;
          if (attempt === 1 && reused && !dataStarted && (code === "ECONNECTION" || code === "ETIMEDOUT")) continue;
          throw error;
        }
        pooled.sent += 1;
        release(pooled);
        try {
          await message.onAccepted?.();
        } finally {
          leaveGate();
        }
        return result;
      }
    },
    idleSessions: () => idle.length,
    close() {
      closed = true;
      if (warmTimer) clearTimeout(warmTimer);
      for (const pooled of idle.splice(0)) {
        open -= 1;
        pooled.smtp.quit();
      }
      for (const waiter of waiters.splice(0)) waiter(null);
    },
  };
}
