// Builds the triage dashboard to dist/, which the API serves at `/` with history routing.
// Preact's JSX goes through vite's own transform (oxc): no babel preset needed.
import { defineConfig } from "vite";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, target: "es2022" },
  // `npm run dev -w @safetynet/dashboard` proxies the API of a running `safetynet start api`.
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
