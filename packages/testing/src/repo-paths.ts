// Where the repository, its run folder and the shared corpus are, for tests and benchmarks.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const RUN_DIR = path.join(REPO_ROOT, ".run");
/** The shared bounce corpus, read in place beside the checkout (never copied into it). */
export const CORPUS_DIR = path.resolve(REPO_ROOT, "../shared/corpus/set-of-emails");

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS_DIR, "expected.jsonl"));
}

export const CORPUS_MISSING_MESSAGE = `bounce corpus not found at ${CORPUS_DIR}: tests that need it are skipped`;
