// Reads the Message-ID header from raw RFC 5322 bytes without a MIME parser: the ingest path
// only needs it to match re-seeded messages, and must stay fast for thousands of messages a second.
const HEADER_SCAN_LIMIT = 64 * 1024;

/** Byte length of the header block: up to the first empty line (CRLF or bare LF files). */
function headerLength(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_SCAN_LIMIT));
  const crlf = view.indexOf("\r\n\r\n");
  const lf = view.indexOf("\n\n");
  const ends = [crlf, lf].filter((at) => at !== -1);
  return ends.length ? Math.min(...ends) : view.length;
}

/** The Message-ID with its angle brackets, or null. Folded headers (RFC 5322 2.2.3) are unfolded. */
export function readMessageId(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, headerLength(bytes)).toString("latin1");
  const start = head.search(/^message-id:/im);
  if (start === -1) return null;
  // The field runs to the next line that does not start with white space (no folding).
  const rest = head.slice(start + "message-id:".length);
  const end = rest.search(/\r?\n(?![ \t])/);
  const value = (end === -1 ? rest : rest.slice(0, end)).replace(/\r?\n[ \t]+/g, " ").trim();
  const bracketed = /<[^<>\s]+>/.exec(value);
  const id = bracketed ? bracketed[0] : (value.split(/\s+/)[0] ?? "");
  return id ? id.slice(0, 500) : null;
}
