// Every command reads its flags through node:util parseArgs, one way: an unknown flag or a
// missing value becomes a UsageError, which main.ts prints with a pointer to --help (exit 2).
import { type ParseArgsConfig, parseArgs } from "node:util";

export class UsageError extends Error {}

export function readArgs<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) throw new UsageError((error as Error).message);
    throw error;
  }
}
