// Every command reads its flags the same way (node:util parseArgs): --help prints its usage and
// exits 0; an unknown flag or a flag without its value is a usage error (exit 2) that names the
// flag, before any configuration is read or any service is touched.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../command-registry.js";

const BIN = path.join(import.meta.dirname, "../../bin/safetynet.js");

function safetynet(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input: "", timeout: 20_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("command flags", () => {
  it.each(Object.keys(COMMANDS))("%s --help prints its usage", (name) => {
    const { code, stdout } = safetynet(name, "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^usage: safetynet ${name}`));
  });

  it.each(Object.keys(COMMANDS))("%s rejects an unknown flag with exit 2", (name) => {
    const { code, stderr } = safetynet(name, "--no-such-flag");
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^safetynet ${name}: Unknown option '--no-such-flag'.*\\(see safetynet ${name} --help\\)\n$`),
    );
  });

  it("a flag without its value is a usage error", () => {
    const { code, stderr } = safetynet("classify", "--rules");
    expect(code).toBe(2);
    expect(stderr).toContain("safetynet classify: Option '--rules <value>' argument missing");
  });

  it("cpr checks the --threshold value", () => {
    const { code, stderr } = safetynet("cpr", "--threshold", "2");
    expect(code).toBe(2);
    expect(stderr).toContain('--threshold expects a number from 0 to 1, got "2"');
  });
});
