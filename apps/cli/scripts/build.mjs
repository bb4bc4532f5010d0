// Compiles the `safetynet` command into apps/cli/dist with esbuild: one ESM bundle of every
// workspace package it uses, split so that each command (and each `start` component) is a
// chunk loaded by dynamic import only when it runs. Libraries in node_modules stay external and
// load from node_modules at run time, so Prisma's generated client keeps finding its runtime
// and WebAssembly query compiler, and native add-ons keep working.
//   node apps/cli/scripts/build.mjs      (or `npm run build`, which turbo caches)
// A new app needs nothing here: import its entry point from a command (as `start` does with
// @safetynet/poller) and the bundler follows the import.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const cliDir = path.resolve(import.meta.dirname, "..");
const outdir = path.join(cliDir, "dist");

/** Workspace packages are bundled in; every other bare import resolves from node_modules at run time. */
const externalLibraries = {
  name: "external-libraries",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@safetynet/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: path.join(cliDir, "src/main.ts"),
    // The worker's helper thread for large messages (apps/worker/src/ingest/read-report-in-thread.ts
    // finds it beside the chunks).
    "report-thread": path.join(cliDir, "../worker/src/ingest/report-thread.ts"),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: "warning",
  plugins: [externalLibraries],
});
// The chunk graph, for the test that proves `parse`, `classify` and `cpr` load no service client.
await writeFile(path.join(outdir, "meta.json"), JSON.stringify(result.metafile));
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js")).length;
process.stdout.write(`safetynet: built ${files} files into dist in ${Math.round(performance.now() - started)} ms\n`);
