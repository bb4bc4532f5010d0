// The compiled `safetynet` command as the tests run it: a child process started in a folder
// without a .env (so only the variables given apply, plus PATH), its stdout and stderr gathered
// for the assertions.
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./repo-paths.js";

export const SAFETYNET_BIN = path.join(REPO_ROOT, "apps/cli/bin/safetynet.js");

export interface CompiledCommand {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
}

export function spawnSafetynet(
  args: readonly string[],
  env: Record<string, string>,
  options: { cwd?: string } = {},
): CompiledCommand {
  const child = spawn(process.execPath, [SAFETYNET_BIN, ...args], {
    cwd: options.cwd ?? os.tmpdir(),
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** The API's address, once `safetynet start` has said where it listens. */
export function apiUrlIn(output: string): string | undefined {
  return /api listening on (http:\/\/\S+)/.exec(output)?.[1];
}
