import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { UsageError } from "../read-args.js";
import { run } from "./classify.js";
import { readSilencesFile } from "./classify-silences.js";

const dir = mkdtempSync(path.join(tmpdir(), "silences-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

const good = {
  fingerprint: "16edae501f6c338b",
  reason: "known outage",
  createdBy: "ops@kommune.example",
  expiresAt: "2026-11-03T12:00:00+01:00",
};

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

describe("the --silences file", () => {
  it("gives each fingerprint's expiry times, as the worker loads them (several silences on one fingerprint all count)", async () => {
    const silences = await readSilencesFile(
      file("good.json", [
        good,
        { ...good, expiresAt: "2026-11-04T00:00:00Z" },
        { ...good, fingerprint: "0123456789abcdef", id: "from a database export" },
      ]),
    );
    expect(silences).toEqual(
      new Map([
        ["16edae501f6c338b", [Date.parse("2026-11-03T11:00:00Z"), Date.parse("2026-11-04T00:00:00Z")]],
        ["0123456789abcdef", [Date.parse("2026-11-03T11:00:00Z")]],
      ]),
    );
  });

  it.each([
    [
      "blank-reason.json",
      [good, { ...good, reason: "  " }],
      /blank-reason\.json: entry 2 \(fingerprint "16edae501f6c338b"\): reason: a silence needs a reason/,
    ],
    [
      "no-person.json",
      [{ ...good, createdBy: undefined }],
      /entry 1 \(fingerprint "16edae501f6c338b"\): createdBy: missing/,
    ],
    [
      "local-time.json",
      [{ ...good, expiresAt: "2026-11-03 12:00" }],
      /entry 1 .*: expiresAt: expected an ISO time with a zone/,
    ],
    [
      "incident-key.json",
      [{ ...good, fingerprint: "16edae501f6c338b-1" }],
      /entry 1 \(fingerprint "16edae501f6c338b-1"\): fingerprint: expected 16 hex characters/,
    ],
    ["not-a-list.json", { silences: [good] }, /not-a-list\.json: expected a JSON array of silences/],
    ["not-an-object.json", ["16edae501f6c338b"], /entry 1: expected an object/],
    ["not-json.json", "[{fingerprint: 1}]", /not-json\.json: not JSON/],
  ])("%s is refused with a message naming the file and the bad entry", async (name, content, message) => {
    await expect(readSilencesFile(file(name, content))).rejects.toThrow(message);
  });

  it("a file that cannot be read is refused", async () => {
    await expect(readSilencesFile(path.join(dir, "missing.json"))).rejects.toThrow(
      /missing\.json: cannot read it \(ENOENT/,
    );
  });

  it("the command stops with exit code 2 and says what is wrong before reading any message", async () => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
    const stdout = vi.spyOn(process.stdout, "write");
    const bad = file("bad.json", [good, { ...good, reason: "" }]);
    expect(await run(["--silences", bad, path.join(dir, "no-messages-here")])).toBe(2);
    expect(stderr.join("")).toBe(
      `safetynet classify: --silences ${bad}: entry 2 (fingerprint "16edae501f6c338b"): reason: a silence needs a reason\n`,
    );
    // A flag without its value is a usage error, which main.ts prints (flags.test.ts runs it whole).
    await expect(run(["PATH", "--silences"])).rejects.toThrow(
      new UsageError("Option '--silences <value>' argument missing"),
    );
    expect(stdout).not.toHaveBeenCalled();
  });
});
