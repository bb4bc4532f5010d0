// Builds apps/dashboard into its dist/ (what the API serves), so the browser tests always see
// the current sources rather than a stale build.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

export function dashboardDirectory(): string {
  return path.dirname(createRequire(import.meta.url).resolve("@safetynet/dashboard/package.json"));
}

export function buildDashboard(): string {
  const directory = dashboardDirectory();
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: directory, stdio: "inherit" });
  return path.join(directory, "dist");
}
