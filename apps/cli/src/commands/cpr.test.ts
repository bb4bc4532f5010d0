// `safetynet cpr` end to end: spawns the real bin with text on stdin and checks that the output
// is masked, shaped as documented, and never contains a full CPR number.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Runs the real command the way an operator does: `node apps/cli/bin/safetynet.js cpr` with stdin.
const root = fileURLToPath(new URL("../../../../", import.meta.url));

function safetynet(args: string[], input: string) {
  const result = spawnSync(process.execPath, ["apps/cli/bin/safetynet.js", "cpr", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("safetynet cpr", () => {
  const input = "Sag 010203-1234 vedr. ansøgning\nCPR:0101804001, faktura 0102031234, møde 240524 1030\n";

  it("--json prints one object with the masked text and the matches, never a full number", () => {
    const { code, stdout } = safetynet(["--json"], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(out.masked).toBe("Sag 0102XX-XXXX vedr. ansøgning\nCPR:0101XX-XXXX, faktura 0102031234, møde 2405XX-XXXX\n");
    expect(
      out.matches.map((m: { offset: number; masked: string; tier: string }) => [m.offset, m.masked, m.tier]),
    ).toEqual([
      [4, "0102XX-XXXX", "medium"],
      [36, "0101XX-XXXX", "high"],
    ]);
    for (const m of out.matches) {
      expect(m).toEqual({
        offset: expect.any(Number),
        length: expect.any(Number),
        masked: expect.any(String),
        confidence: expect.any(Number),
        tier: expect.any(String),
        reasons: expect.any(Array),
      });
    }
    expect(out.maskedBelowThreshold.map((m: { masked: string }) => m.masked)).toEqual(["2405XX-XXXX"]);
    for (const full of ["010203-1234", "0101804001", "240524 1030"]) expect(stdout).not.toContain(full);
  });

  it("plain mode prints the masked text, then a line per match", () => {
    const { code, stdout } = safetynet([], "Vedr. 010203-1234\n");
    expect(code).toBe(0);
    expect(stdout).toContain("Vedr. 0102XX-XXXX\n");
    expect(stdout).toMatch(/offset 6 length 11 0102XX-XXXX confidence 0\.65 medium/);
    expect(stdout).not.toContain("010203-1234");
  });

  it("rejects a bad option with exit code 2", () => {
    const { code, stderr } = safetynet(["--threshold", "x"], "");
    expect(code).toBe(2);
    expect(stderr).toContain("--threshold");
  });
});
