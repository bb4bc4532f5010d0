// `safetynet parse [--json] PATH...`: every message in the given files, .eml folders, Maildirs,
// mbox files or stdin (`-`) through @safetynet/ndr, one JSON object per message per line
// (DESIGN.md contract). Paths are read by @safetynet/mail-files, the front end `import` and
// `classify` use, so a message has the same file and mbox index in all three. A message that
// cannot be read yields {"file","index","error"}; the run goes on.
import { detectSourceKind, type MessageFile, readSource } from "@safetynet/mail-files";
import { parseMessage } from "@safetynet/ndr";
import { readArgs } from "../read-args.js";

const USAGE = "usage: safetynet parse [--json] PATH... (files, .eml folders, Maildir, mbox files, - for stdin)\n";

/**
 * No optimising compiler for this process: `parse` is a batch of a few thousand short, varied
 * messages, and TurboFan spent more CPU compiling the parser than the optimised code saved
 * (measured with GNU time on maildir/bsd and ten copies of it: 15-30% less CPU time without,
 * and lower wall time on this shared 2-core machine). Ignition and Sparkplug still run it.
 */
export const v8Flags = ["--no-opt"] as const;

/** Output is gathered and written in chunks of about this many characters (one write per chunk, not per line). */
const CHUNK = 1 << 20;

export async function run(args: string[]): Promise<number> {
  const { values, positionals: paths } = readArgs({
    args,
    allowPositionals: true,
    // --json names the only output there is (JSON lines); accepted for the documented contract.
    options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (paths.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const out = new ChunkedOutput();
  let failed = false;
  const unreadable = (file: string, error: unknown): void => {
    failed = true;
    out.push({ file, index: 0, error: describe(error) });
  };
  for (const path of paths) {
    try {
      const kind = await detectSourceKind(path);
      for await (const message of readSource(path, kind, { onUnreadable: unreadable })) {
        out.push(parseOne(message));
        if (out.full) await out.flush();
      }
    } catch (error) {
      unreadable(path, error);
    }
  }
  await out.flush();
  return failed ? 1 : 0;
}

/** One output object per message (an mbox gives one per message, `index` = its position). */
export function parseOne(message: MessageFile): Record<string, unknown> {
  const { file, index, bytes } = message;
  try {
    if (isBlank(bytes)) throw new Error("empty message");
    return { file, index, ...parseMessage(bytes) };
  } catch (error) {
    return { file, index, error: describe(error) };
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}

/** JSON lines collected into large writes; waits for the pipe to drain so huge runs stay within memory. */
class ChunkedOutput {
  private pending = "";

  get full(): boolean {
    return this.pending.length >= CHUNK;
  }

  push(value: Record<string, unknown>): void {
    this.pending += `${JSON.stringify(value)}\n`;
  }

  async flush(): Promise<void> {
    if (!this.pending) return;
    const chunk = this.pending;
    this.pending = "";
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0]!.slice(0, 500);
  return String(error).slice(0, 500);
}
