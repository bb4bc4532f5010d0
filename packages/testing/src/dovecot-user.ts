// A fresh user in the project-local Dovecot (scripts/services up) per test: a line in its
// passwd-file, which Dovecot re-reads on change, and the user's Maildir path for direct writes.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { RUN_DIR } from "./repo-paths.js";

export const DOVECOT_DIR = path.join(RUN_DIR, "dovecot");
export const DOVECOT_CONFIG = path.join(DOVECOT_DIR, "dovecot.conf");

export interface DovecotUser {
  user: string;
  pass: string;
  host: string;
  port: number;
  /** `imap://user:pass@127.0.0.1:port/INBOX` as the run contract's IMAP_URL expects. */
  url: string;
  /** The user's Maildir (created by Dovecot at first login). */
  maildir: string;
}

export function dovecotPort(): number {
  const match = existsSync(DOVECOT_CONFIG) ? /port = (\d+)/.exec(readFileSync(DOVECOT_CONFIG, "utf8")) : null;
  return match ? Number(match[1]) : 1143;
}

export function createDovecotUser(options: { password?: string } = {}): DovecotUser {
  if (!existsSync(path.join(DOVECOT_DIR, "users"))) {
    throw new Error(`project Dovecot is not set up (${DOVECOT_DIR}): run scripts/services up`);
  }
  const user = `u${randomBytes(5).toString("hex")}`;
  const pass = options.password ?? randomBytes(9).toString("base64url");
  appendFileSync(path.join(DOVECOT_DIR, "users"), `${user}:{PLAIN}${pass}\n`);
  const port = dovecotPort();
  return {
    user,
    pass,
    host: "127.0.0.1",
    port,
    url: `imap://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}/INBOX`,
    maildir: path.join(DOVECOT_DIR, "mail", user, "Maildir"),
  };
}

/**
 * Resolves once the user can log in. Dovecot stats its passwd-file at most once per second
 * (db-passwd-file.c, last_sync_time), so a user added in the same second as the last lookup is
 * refused for up to a second: a test that must not start with a spurious auth failure waits here.
 */
export async function waitForDovecotLogin(user: DovecotUser, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new ImapFlow({
      host: user.host,
      port: user.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.pass },
      logger: false,
    });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.logout();
      return;
    } catch (error) {
      client.close();
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Deliver messages into the user's INBOX over IMAP APPEND, as a mail server would leave them. */
export async function appendToInbox(user: DovecotUser, messages: (Buffer | string)[]): Promise<void> {
  await waitForDovecotLogin(user);
  const client = new ImapFlow({
    host: user.host,
    port: user.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: user.user, pass: user.pass },
    logger: false,
  });
  await client.connect();
  for (const message of messages) await client.append("INBOX", Buffer.from(message));
  await client.logout();
}
