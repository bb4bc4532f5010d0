// mbox (RFC 4155) splitting: messages start at a line beginning "From " at the start of the file
// or after a line end; ">From " quoting (mboxrd) is undone. Works on binary strings.
export function isMbox(binary: string): boolean {
  return binary.startsWith("From ");
}

export function splitMbox(binary: string): string[] {
  const messages: string[] = [];
  let start = 0;
  while (start < binary.length) {
    const next = binary.indexOf("\nFrom ", start);
    // tolerate CRLF mboxes
    const end = next < 0 ? binary.length : next + 1;
    const chunk = binary.slice(start, end);
    const firstLineEnd = chunk.indexOf("\n");
    const body = firstLineEnd < 0 ? "" : chunk.slice(firstLineEnd + 1);
    if (chunk.startsWith("From ") && body.trim().length > 0) messages.push(body.replace(/^>(>*From )/gm, "$1"));
    if (next < 0) break;
    start = next + 1;
  }
  return messages;
}
