import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDependencyViolations, importSpecifiers } from "./find-dependency-violations.js";
import { readAppPackages, readSources } from "./read-workspace.js";

const fixture = path.join(import.meta.dirname, "fixtures/app-imports-app");
const apps = { "@safetynet/poller": "poller", "@safetynet/api": "api", "@safetynet/cli": "cli" };

describe("dependency direction check", () => {
  it("finds static, dynamic and side-effect imports", () => {
    expect(
      importSpecifiers(`import a from "x";\nexport * from './y.js';\nconst b = await import("z");\nimport "w";`),
    ).toEqual(["x", "./y.js", "z", "w"]);
  });

  it("fails on a planted app-to-app import and on I/O in a pure package", () => {
    const violations = findDependencyViolations(readSources(fixture), readAppPackages(fixture));
    expect(violations.map((v) => `${v.path} ${v.specifier}`).sort()).toEqual([
      "apps/api/src/server.ts @safetynet/poller",
      "packages/ndr/src/bad.ts bullmq",
      "packages/ndr/src/bad.ts node:net",
    ]);
  });

  it("lets the CLI compose the apps and lets tests of pure packages read files", () => {
    const files = [
      { path: "apps/cli/src/commands/start.ts", source: `import { start } from "@safetynet/poller";` },
      { path: "packages/ndr/src/accuracy.test.ts", source: `import { readFileSync } from "node:fs";` },
    ];
    expect(findDependencyViolations(files, apps)).toEqual([]);
  });

  it("exits non-zero on the fixture and zero on this repository", () => {
    const script = path.join(import.meta.dirname, "../check-deps.ts");
    const tsx = path.join(import.meta.dirname, "../../node_modules/.bin/tsx");
    expect(() => execFileSync(tsx, [script, fixture], { stdio: "pipe" })).toThrow(/violation/);
    expect(execFileSync(tsx, [script], { stdio: "pipe" }).toString()).toContain("ok");
  });
});
