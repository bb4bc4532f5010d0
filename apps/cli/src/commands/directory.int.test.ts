// `safetynet directory import` end to end: the real CLI process against a fresh database.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, SAFETYNET_BIN, type TestDatabase } from "@safetynet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let database: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), "sn-directory-"));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

function cli(...args: string[]) {
  return run(process.execPath, [SAFETYNET_BIN, "directory", ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: database.url },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe("safetynet directory import", () => {
  it("imports the CSV, then marks people missing from a later file as having left", async () => {
    const first = path.join(dir, "staff.csv");
    writeFileSync(
      first,
      "email;navn;afdeling;leder;aktiv;sprog\nKaren@kommune.example;Karen Jensen;Jobcenter;boss@kommune.example;ja;da\nboss@kommune.example;Boss;Jobcenter;;ja;en\nold@kommune.example;Old;Jobcenter;boss@kommune.example;nej;\n",
    );
    const imported = await cli("import", first);
    expect(imported.stdout).toBe("directory: imported 3 people (1 marked as having left)\n");
    expect(await database.db.staffMember.findUnique({ where: { email: "karen@kommune.example" } })).toMatchObject({
      name: "Karen Jensen",
      managerEmail: "boss@kommune.example",
      active: true,
    });
    const second = path.join(dir, "staff2.csv");
    writeFileSync(second, "email,name\nboss@kommune.example,Boss\n");
    const again = await cli("import", second, "--deactivate-missing");
    expect(again.stdout).toContain("1 absent from the file marked as having left");
    expect((await database.db.staffMember.findUnique({ where: { email: "karen@kommune.example" } }))?.active).toBe(
      false,
    );
  });

  it("refuses a file with bad rows, naming lines but not values", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "email,name\nnot-an-address-0102031234,X\n");
    const result = await cli("import", bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.csv:2: email is not an e-mail address");
    expect(result.stderr).not.toContain("0102031234");
    expect(await database.db.staffMember.count({ where: { name: "X" } })).toBe(0);
  });
});
