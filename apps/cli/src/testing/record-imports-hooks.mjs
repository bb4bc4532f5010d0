// Module hooks for record-imports.mjs: they run on node's loader thread, so each resolved URL is
// appended synchronously (no message can be lost when the process exits).
import { appendFileSync } from "node:fs";

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(file, `${result.url}\n`);
  return result;
}
