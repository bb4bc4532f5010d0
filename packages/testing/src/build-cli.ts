// vitest globalSetup: tests that spawn `safetynet` run the compiled CLI (apps/cli/dist), so it is
// built first. turbo's cache makes this a no-op when no source changed since the last build.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./repo-paths.js";

export default function setup(): void {
  execFileSync(path.join(REPO_ROOT, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
}
