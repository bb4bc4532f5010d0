// Caps that keep the parser linear and bounded on hostile input (50 MB mails, 1 MB header lines,
// multipart nested 1,000 deep). Evidence of a bounce sits near the top; nothing past these is read.
export const LIMITS = {
  /** Bytes of a message looked at; the rest is ignored (and reported as truncated). */
  maxInputBytes: 16 * 1024 * 1024,
  /** Characters of one unfolded header value kept. */
  maxHeaderValue: 16 * 1024,
  /** Header fields kept per header block. */
  maxHeaderFields: 2000,
  /** Multipart / message nesting followed. Deeper parts are kept as opaque bodies. */
  maxDepth: 24,
  /** MIME parts walked per message. */
  maxParts: 512,
  /** Bytes of a text part decoded. */
  maxTextBytes: 1024 * 1024,
  /** Bytes of a message/delivery-status part decoded (10,000+ recipient blocks fit). */
  maxDsnBytes: 8 * 1024 * 1024,
  /** Characters of the flattened text modules scan. */
  maxScanChars: 2 * 1024 * 1024,
  /** Recipients reported per message. */
  maxRecipients: 20000,
} as const;
