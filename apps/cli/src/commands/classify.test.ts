import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cprWeek, relayDown, tlsRefusal } from "@safetynet/classifier/test-support";
import { afterAll, describe, expect, it } from "vitest";

const bin = path.join(import.meta.dirname, "../../bin/safetynet.js");
const dir = mkdtempSync(path.join(tmpdir(), "classify-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.mbox`, { force: true });
});

describe("safetynet classify", () => {
  it("prints one final state per message, in input order, with no services and no environment", () => {
    const messages = [...tlsRefusal(3).slice(0, 5), ...cprWeek(4).slice(0, 4)];
    for (const [index, message] of messages.entries()) {
      writeFileSync(path.join(dir, `${String(index).padStart(2, "0")}.eml`), message.raw);
    }
    // an mbox holding two more TLS refusals, and a file that is not there
    const mbox = tlsRefusal(3)
      .slice(5, 7)
      .map((message) => `From MAILER-DAEMON Mon Nov  2 10:00:00 2026\n${message.raw.replace(/\r\n/g, "\n")}\n`)
      .join("");
    writeFileSync(path.join(dir, "..", `${path.basename(dir)}.mbox`), mbox);
    const run = spawnSync(
      process.execPath,
      [bin, "classify", "--json", path.join(dir), `${dir}.mbox`, path.join(dir, "missing.eml")],
      {
        env: { PATH: process.env.PATH ?? "" },
        cwd: dir,
      },
    );
    expect(run.status).toBe(1); // a path it could not read: reported on its line, and in the exit code
    const output = run.stdout.toString();
    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(messages.length + 2 + 1);
    const tls = lines.filter((line) => line.cause === "tls-required");
    expect(tls).toHaveLength(7);
    expect(new Set(tls.map((line) => line.incident)).size).toBe(1);
    expect(
      tls.every(
        (line) => line.scope === "systemic" && line.responsible === "recipient" && line.reason === "failedstarttls",
      ),
    ).toBe(true);
    const cpr = lines.filter((line) => line.cause === "cpr-in-subject");
    expect(cpr.filter((line) => !(line.scope === "individual" && line.responsible === "sender"))).toEqual([]);
    expect(lines.find((line) => line.file === `${dir}.mbox` && line.index === 1)).toBeDefined();
    expect(lines.at(-1)).toMatchObject({
      file: path.join(dir, "missing.eml"),
      index: 0,
      error: expect.stringContaining("ENOENT"),
    });
  }, 60_000);

  it("groups our relay's outage to four recipient domains as one incident, by the relay", () => {
    const relayDir = mkdtempSync(path.join(tmpdir(), "classify-relay-"));
    try {
      const messages = relayDown();
      for (const [index, message] of messages.entries()) {
        writeFileSync(path.join(relayDir, `${String(index).padStart(2, "0")}.eml`), message.raw);
      }
      const run = spawnSync(process.execPath, [bin, "classify", "--json", relayDir], {
        env: { PATH: process.env.PATH ?? "" },
        cwd: relayDir,
      });
      expect(run.status).toBe(0);
      const lines = run.stdout
        .toString()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(15);
      expect(new Set(lines.map((line) => line.incident)).size).toBe(1);
      expect(lines.filter((line) => line.scope !== "systemic")).toEqual([]);
    } finally {
      rmSync(relayDir, { recursive: true, force: true });
    }
  }, 60_000);
});
