// A fresh user in the project-local Dovecot (scripts/services up) per test: a line in its
// passwd-file, which Dovecot re-reads on change, and the user's Maildir path for direct writes.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
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
  const usersFile = path.join(DOVECOT_DIR, "users");
  const before = statSync(usersFile).mtimeMs;
  appendFileSync(usersFile, `${user}:{PLAIN}${pass}\n`);
  // Dovecot re-reads a passwd-file only when its mtime changes, in whole seconds: two users added
  // within one second would leave the second unknown for up to a second. Step the mtime forward.
  const mtime = new Date(Math.max(Date.now(), Math.floor(before / 1000) * 1000 + 1000));
  utimesSync(usersFile, mtime, mtime);
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
