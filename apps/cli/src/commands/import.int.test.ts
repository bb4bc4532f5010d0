import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CORPUS_DIR, CORPUS_MISSING_MESSAGE, corpusAvailable, REPO_ROOT, SAFETYNET_BIN } from "@safetynet/testing";
import { useTestServices } from "@safetynet/testing/hooks";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const services = useTestServices();

describe.skipIf(!corpusAvailable())(
  `safetynet import on the bounce corpus (${corpusAvailable() ? "present" : CORPUS_MISSING_MESSAGE})`,
  () => {
    it("imports a real mbox and a Maildir, prints progress and a summary; a second run stores nothing", async () => {
      // A Maildir built from corpus files (copied to a temp folder, never into the repository).
      const maildir = path.join(mkdtempSync(path.join(os.tmpdir(), "sn-cli-import-")), "Maildir");
      for (const sub of ["cur", "new", "tmp"]) mkdirSync(path.join(maildir, sub), { recursive: true });
      const corpusFiles = readdirSync(path.join(CORPUS_DIR, "maildir/bsd"))
        .filter((name) => name.endsWith(".eml"))
        .slice(0, 40);
      for (const name of corpusFiles)
        cpSync(path.join(CORPUS_DIR, "maildir/bsd", name), path.join(maildir, "new", name));
      const mbox = path.join(CORPUS_DIR, "mailbox/mbox-0");
      const env = {
        ...process.env,
        DATABASE_URL: services.database.url,
        REDIS_URL: services.redis.url,
        REDIS_PREFIX: services.redis.prefix,
        SAFETYNET_KEY: Buffer.alloc(32, 4).toString("base64"),
      };
      const first = await run(process.execPath, [SAFETYNET_BIN, "import", mbox, maildir], { cwd: REPO_ROOT, env });
      const stored = Number(/stored now: +(\d+)/.exec(first.stdout)?.[1]);
      expect(stored).toBeGreaterThan(40);
      expect(first.stdout).toMatch(/already stored: +0/);
      expect(first.stderr).toMatch(/^import: 100\.0%/m); // plain lines when not on a terminal
      expect(await services.database.db.rawMessage.count({ where: { source: "import" } })).toBe(stored);

      const second = await run(process.execPath, [SAFETYNET_BIN, "import", mbox, maildir], { cwd: REPO_ROOT, env });
      expect(second.stdout).toMatch(/stored now: +0/);
      expect(second.stdout).toMatch(new RegExp(`already stored: +${stored}`));
      expect(await services.database.db.rawMessage.count()).toBe(stored);
    });

    it("rejects a bad date with a clear message", async () => {
      const result = await run(
        process.execPath,
        [SAFETYNET_BIN, "import", "--since", "01-02-2020", "imap://x@127.0.0.1/INBOX"],
        {
          cwd: REPO_ROOT,
        },
      ).catch((error) => error);
      expect(result.stderr).toContain("--since expects YYYY-MM-DD");
    });
  },
);
