// The compiled CLI loads only what a command uses: `parse`, `classify` and `cpr` import no
// service client (Prisma, BullMQ, ioredis, imapflow, pg), so they start fast and run anywhere.
// Every module the process imports is recorded by node's resolve hook (testing/record-imports.mjs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const CLI_DIR = path.join(import.meta.dirname, "../..");
const BIN = path.join(CLI_DIR, "bin/safetynet.js");
const PRELOAD = path.join(CLI_DIR, "src/testing/record-imports.mjs");
const FIXTURE = path.join(CLI_DIR, "../../packages/ndr/fixtures/content-filter-personal-data.eml");
const SERVICE_CLIENTS = /\/node_modules\/(@prisma\/[^/]+|prisma|bullmq|ioredis|imapflow|pg)\//;

const dir = mkdtempSync(path.join(tmpdir(), "safetynet-imports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built `safetynet` with the given arguments; returns every module URL it imported. */
function importsOf(name: string, args: string[], input = ""): string[] {
  const file = path.join(dir, `${name}.txt`);
  const run = spawnSync(process.execPath, ["--import", PRELOAD, BIN, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, SAFETYNET_RECORD_IMPORTS: file },
    timeout: 20_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(file, "utf8").trim().split("\n");
}

describe("modules the compiled commands load", () => {
  it.each([
    ["parse", ["parse", FIXTURE], ""],
    ["classify", ["classify", FIXTURE], ""],
    ["cpr", ["cpr", "--json"], "Sag 010203-1234\n"],
  ])("%s imports no service client", (name, args, input) => {
    const urls = importsOf(name, args, input);
    expect(
      urls.some((url) => url.includes("/apps/cli/dist/")),
      "ran the compiled output",
    ).toBe(true);
    expect(urls.filter((url) => SERVICE_CLIENTS.test(url))).toEqual([]);
  });

  it("sees service clients where a command does use them (the recorder works)", () => {
    const urls = importsOf("import", ["import", "--help"]);
    const clients = new Set(urls.flatMap((url) => SERVICE_CLIENTS.exec(url)?.[1] ?? []));
    expect([...clients]).toEqual(expect.arrayContaining(["@prisma/client", "bullmq", "imapflow", "ioredis", "pg"]));
  });
});
