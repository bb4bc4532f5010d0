// Decides whether a raw message must be quarantined (stored, never skipped, but kept away from
// the parser) and says why in words staff can act on. Pure.
export interface QuarantineInput {
  size: number;
  /** The first bytes of the message (a few hundred are enough). */
  head: Uint8Array;
  maxBytes: number;
}

/** A header line starts with a field name: printable ASCII except ':' (RFC 5322 2.2). */
const FIRST_HEADER = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

export function quarantineReason({ size, head, maxBytes }: QuarantineInput): string | null {
  if (size > maxBytes) return `oversized: ${size} bytes > limit ${maxBytes}`;
  if (size === 0) return "unreadable: empty message";
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 512)).toString("latin1");
  if (!FIRST_HEADER.test(start)) return "unreadable: does not start with a header field";
  return null;
}
