// Two projects: `unit` (pure code, no services) and `integration` (real PostgreSQL, Redis,
// Dovecot, SMTP and HTTP on loopback; files named *.int.test.ts).
import { defineConfig } from "vitest/config";

const sources = [
  "packages/*/src/**/*.test.ts",
  "apps/*/src/**/*.test.ts",
  "scripts/**/*.test.ts",
  "bench/**/*.test.ts",
  "e2e/src/**/*.test.ts",
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          globalSetup: ["packages/testing/src/build-cli.ts"],
          include: sources,
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: sources.map((pattern) => pattern.replace("*.test.ts", "*.int.test.ts")),
          exclude: ["**/node_modules/**"],
          globalSetup: ["packages/testing/src/build-cli.ts", "packages/testing/src/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
