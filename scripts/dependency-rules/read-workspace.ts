// Reads the TypeScript sources and app package names of a workspace for the dependency check.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SourceFile } from "./find-dependency-violations.js";

export function readAppPackages(root: string): Record<string, string> {
  const apps: Record<string, string> = {};
  const appsDir = path.join(root, "apps");
  if (!existsSync(appsDir)) return apps;
  for (const name of readdirSync(appsDir)) {
    const manifest = path.join(appsDir, name, "package.json");
    if (existsSync(manifest)) apps[JSON.parse(readFileSync(manifest, "utf8")).name] = name;
  }
  return apps;
}

export function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const top of ["apps", "packages"]) {
    const dir = path.join(root, top);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const relative = `${top}/${entry.split(path.sep).join("/")}`;
      if (!/\.(ts|tsx|mts|js|mjs)$/.test(relative) || /\/(node_modules|generated|dist)\//.test(relative)) continue;
      files.push({ path: relative, source: readFileSync(path.join(root, relative), "utf8") });
    }
  }
  return files;
}
