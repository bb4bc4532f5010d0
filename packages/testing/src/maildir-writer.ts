// Delivers NDRs into the mailbox as a local delivery agent does: the whole file written into tmp/,
// then renamed into new/ (the moment of arrival). Works while Dovecot is down, as mail keeps
// arriving at a real server whose IMAP service restarts. Dovecot reads the Maildir as `nobody`.
import { execFileSync } from "node:child_process";
import { chownSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface MaildirWriter {
  /** Written into tmp/ (whole before it shows): a benchmark stages its mails before the clock starts. */
  stage(name: string, message: Buffer): void;
  /** Renamed from tmp/ into new/: the moment of arrival. */
  arrive(name: string): void;
  /** Both at once. */
  deliver(name: string, message: Buffer): void;
}

export function createMaildirWriter(maildir: string): MaildirWriter {
  const uid = Number(execFileSync("id", ["-u", "nobody"]).toString().trim());
  const gid = Number(execFileSync("getent", ["group", "nogroup"]).toString().split(":")[2]);
  const home = path.dirname(maildir);
  for (const dir of [home, maildir, ...["cur", "new", "tmp"].map((sub) => path.join(maildir, sub))]) {
    mkdirSync(dir, { recursive: true });
    chownSync(dir, uid, gid);
  }
  const writer: MaildirWriter = {
    stage(name, message) {
      const tmp = path.join(maildir, "tmp", name);
      writeFileSync(tmp, message);
      chownSync(tmp, uid, gid);
    },
    arrive(name) {
      renameSync(path.join(maildir, "tmp", name), path.join(maildir, "new", name));
    },
    deliver(name, message) {
      writer.stage(name, message);
      writer.arrive(name);
    },
  };
  return writer;
}
