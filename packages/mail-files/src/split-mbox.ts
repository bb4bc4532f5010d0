// Splits an mbox stream into messages on `From ` separator lines and undoes mboxrd quoting
// (">From " -> "From ", ">>From " -> ">From "; Hall, "The mbox family", mboxrd). Streams: memory
// holds one message at a time, whatever the file size.
import type { MessageFile } from "./types.js";

/**
 * A `From ` line separates messages only at the start or after an empty line: mboxo/mboxcl
 * writers leave "From " unquoted inside bodies, but (almost) never right after a blank line.
 */
export async function* splitMbox(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: { file: string; startOffset?: number; startIndex?: number },
): AsyncGenerator<MessageFile> {
  let carry = Buffer.alloc(0);
  let position = options.startOffset ?? 0; // absolute offset of carry[0]
  let index = options.startIndex ?? 0;
  let previousBlank = true;
  let current: { offset: number; lines: Buffer[] } | null = null;

  const finish = (end: number): MessageFile | null => {
    if (!current) return null;
    const lines = current.lines;
    // The blank line before the next separator belongs to the mbox format, not to the message.
    const last = lines[lines.length - 1];
    if (last && (last.length === 1 || (last.length === 2 && last[0] === 13)) && last[last.length - 1] === 10)
      lines.pop();
    const message: MessageFile = {
      file: options.file,
      index: index++,
      bytes: Buffer.concat(lines),
      offset: current.offset,
      end,
    };
    current = null;
    return message;
  };

  const takeLine = (line: Buffer, lineStart: number): MessageFile | null => {
    const isBlank = line.length === 0 || line[0] === 10 || (line[0] === 13 && line[1] === 10);
    let emitted: MessageFile | null = null;
    if (previousBlank && line.subarray(0, 5).toString("latin1") === "From ") {
      emitted = finish(lineStart);
      current = { offset: lineStart, lines: [] };
    } else if (current) {
      current.lines.push(/^>+From /.test(line.subarray(0, 64).toString("latin1")) ? line.subarray(1) : line);
    }
    previousBlank = isBlank;
    return emitted;
  };

  for await (const chunk of chunks) {
    const data = carry.length ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
    let start = 0;
    for (let newline = data.indexOf(10, start); newline !== -1; newline = data.indexOf(10, start)) {
      const emitted = takeLine(Buffer.from(data.subarray(start, newline + 1)), position + start);
      if (emitted) yield emitted;
      start = newline + 1;
    }
    carry = data.subarray(start);
    position += start;
  }
  if (carry.length) {
    const emitted = takeLine(Buffer.from(carry), position);
    if (emitted) yield emitted;
    position += carry.length;
  }
  const last = finish(position);
  if (last) yield last;
}
