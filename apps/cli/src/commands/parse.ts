// `safetynet parse [--json] PATH...`: every message in the given files, .eml folders, mbox files
// or stdin (`-`) through @safetynet/ndr, one JSON object per message per line (DESIGN.md
// contract). A message that cannot be read yields {"file","index","error"}; the run goes on.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { isMbox, parseMessage, splitMbox } from "@safetynet/ndr";

const USAGE = "usage: safetynet parse [--json] PATH... (files, directories of .eml, mbox files, - for stdin)\n";

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const paths = args.filter((arg) => arg !== "--json");
  if (paths.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let failed = false;
  for (const path of paths) {
    for await (const source of expand(path)) {
      if ("error" in source) {
        failed = true;
        await emit({ file: source.file, index: 0, error: source.error });
        continue;
      }
      for (const line of parseSource(source.file, source.bytes)) await emit(line);
    }
  }
  return failed ? 1 : 0;
}

type Source = { file: string; bytes: Buffer } | { file: string; error: string };

/** Files of a path: itself, every regular file below a directory (sorted), or stdin for "-". */
async function* expand(path: string): AsyncGenerator<Source> {
  if (path === "-") {
    yield { file: "-", bytes: await readStdin() };
    return;
  }
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { file: path, error: describe(error) };
    return;
  }
  if (info.isDirectory()) {
    let entries: string[];
    try {
      entries = (await readdir(path)).filter((name) => !name.startsWith(".")).sort();
    } catch (error) {
      yield { file: path, error: describe(error) };
      return;
    }
    for (const name of entries) yield* expand(join(path, name));
    return;
  }
  if (!info.isFile()) return;
  try {
    yield { file: path, bytes: await readFile(path) };
  } catch (error) {
    yield { file: path, error: describe(error) };
  }
}

/** One output object per message: mbox files hold many (index = position), other files one. */
export function* parseSource(file: string, bytes: Buffer): Generator<Record<string, unknown>> {
  const binary = bytes.toString("latin1");
  const messages = isMbox(binary) ? splitMbox(binary) : [binary];
  if (messages.length === 0) {
    yield { file, index: 0, error: "no message in input" };
    return;
  }
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    try {
      if (message.trim().length === 0) throw new Error("empty message");
      yield { file, index, ...parseMessage(message) };
    } catch (error) {
      yield { file, index, error: describe(error) };
    }
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Write one JSON line, waiting for the pipe to drain so huge runs stay within memory. */
async function emit(value: Record<string, unknown>): Promise<void> {
  const ok = process.stdout.write(`${JSON.stringify(value)}\n`);
  if (!ok) await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0]!.slice(0, 500);
  return String(error).slice(0, 500);
}
