#!/usr/bin/env node
// Entry point for `npx safetynet`: runs the compiled command (apps/cli/dist, built by
// `npm run build`) with plain node, no TypeScript loader at run time.
import { existsSync } from "node:fs";

const main = new URL("../dist/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("safetynet: not built yet; run `npm run build` in the project root first\n");
  process.exit(1);
}
await import(main.href);
