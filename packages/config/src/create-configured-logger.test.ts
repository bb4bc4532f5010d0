import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A child process with its standard output in a pipe (not a terminal), as the demo's output in a file.
function linesWith(format: string): string {
  const script = `import { createConfiguredLogger } from ${JSON.stringify(path.join(import.meta.dirname, "create-configured-logger.ts"))};
createConfiguredLogger().child({ component: "worker" }).info({ messageId: "m1" }, "NDR received");`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH, LOG_FORMAT: format },
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  return result.stdout;
}

describe("createConfiguredLogger", () => {
  it("writes JSON into a pipe by default and readable lines with LOG_FORMAT=pretty", () => {
    expect(JSON.parse(linesWith("auto"))).toMatchObject({ component: "worker", msg: "NDR received", messageId: "m1" });
    const pretty = linesWith("pretty");
    expect(pretty).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: worker: NDR received \{"messageId":"m1"\}\n$/);
  });

  it("refuses an unknown format by name", () => {
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { loadConfig } from ${JSON.stringify(path.join(import.meta.dirname, "load-config.ts"))}; loadConfig(["LOG_FORMAT"]);`,
      ],
      { env: { PATH: process.env.PATH, LOG_FORMAT: "xml" }, encoding: "utf8" },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("LOG_FORMAT");
  });
});
