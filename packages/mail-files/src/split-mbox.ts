// Splits an mbox stream into messages on `From ` separator lines and undoes mboxrd quoting
// (">From " -> "From ", ">>From " -> ">From "; Hall, "The mbox family", mboxrd). Streams: memory
// holds one message at a time, whatever the file size.
import type { MessageFile } from "./types.js";

/**
 * A `From ` line separates messages only at the start or after an empty line: mboxo/mboxcl
 * writers leave "From " unquoted inside bodies, but (almost) never right after a blank line.
 * Fed chunk by chunk; returns the messages each chunk completes.
 */
class MboxSplitter {
  private carry = Buffer.alloc(0);
  private position: number; // absolute offset of carry[0]
  private index: number;
  private previousBlank = true;
  private current: { offset: number; lines: Buffer[] } | null = null;

  constructor(private readonly options: { file: string; startOffset?: number; startIndex?: number }) {
    this.position = options.startOffset ?? 0;
    this.index = options.startIndex ?? 0;
  }

  push(chunk: Buffer | string): MessageFile[] {
    const out: MessageFile[] = [];
    const data = this.carry.length ? Buffer.concat([this.carry, Buffer.from(chunk)]) : Buffer.from(chunk);
    let start = 0;
    for (let newline = data.indexOf(10, start); newline !== -1; newline = data.indexOf(10, start)) {
      const emitted = this.takeLine(data.subarray(start, newline + 1), this.position + start);
      if (emitted) out.push(emitted);
      start = newline + 1;
    }
    // copy the tail: the caller may reuse its chunk buffer
    this.carry = Buffer.from(data.subarray(start));
    this.position += start;
    return out;
  }

  end(): MessageFile[] {
    const out: MessageFile[] = [];
    if (this.carry.length) {
      const emitted = this.takeLine(this.carry, this.position);
      if (emitted) out.push(emitted);
      this.position += this.carry.length;
      this.carry = Buffer.alloc(0);
    }
    const last = this.finish(this.position);
    if (last) out.push(last);
    return out;
  }

  private finish(end: number): MessageFile | null {
    if (!this.current) return null;
    const lines = this.current.lines;
    // The blank line before the next separator belongs to the mbox format, not to the message.
    const last = lines[lines.length - 1];
    if (last && (last.length === 1 || (last.length === 2 && last[0] === 13)) && last[last.length - 1] === 10)
      lines.pop();
    const message: MessageFile = {
      file: this.options.file,
      index: this.index++,
      bytes: Buffer.concat(lines),
      offset: this.current.offset,
      end,
    };
    this.current = null;
    return message;
  }

  private takeLine(line: Buffer, lineStart: number): MessageFile | null {
    const isBlank = line.length === 0 || line[0] === 10 || (line[0] === 13 && line[1] === 10);
    let emitted: MessageFile | null = null;
    if (this.previousBlank && line.subarray(0, 5).toString("latin1") === "From ") {
      emitted = this.finish(lineStart);
      this.current = { offset: lineStart, lines: [] };
    } else if (this.current) {
      this.current.lines.push(/^>+From /.test(line.subarray(0, 64).toString("latin1")) ? line.subarray(1) : line);
    }
    this.previousBlank = isBlank;
    return emitted;
  }
}

/** The messages of an mbox stream, one at a time (memory holds one message, whatever the file size). */
export async function* splitMbox(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: { file: string; startOffset?: number; startIndex?: number },
): AsyncGenerator<MessageFile> {
  const splitter = new MboxSplitter(options);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

/** The messages of an mbox already in memory, numbered and cut exactly as `splitMbox` does. */
export function splitMboxBytes(bytes: Buffer, options: { file: string }): MessageFile[] {
  const splitter = new MboxSplitter(options);
  return [...splitter.push(bytes), ...splitter.end()];
}

/**
 * An mbox starts with a `From ` separator line ended by LF (or CRLF). A file of bare-CR lines
 * (classic Mac) that starts with "From " is one message with an envelope line, not an mbox:
 * its separators could never be found. `head`: the first bytes of the file (a kilobyte will do).
 */
export function isMbox(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length < 5 || bytes.toString("latin1", 0, 5) !== "From ") return false;
  const lineEnd = bytes.indexOf(10);
  const cr = bytes.indexOf(13);
  return lineEnd > 0 ? cr < 0 || cr >= lineEnd - 1 : cr < 0;
}
