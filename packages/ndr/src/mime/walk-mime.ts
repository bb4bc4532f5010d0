// A lean MIME walker (RFC 2045/2046): splits a message into a tree of parts by boundary search
// with indexOf, decodes only the text a bounce parser reads, and stops at the caps in limits.ts.
import { decodeBytes } from "./charset.js";
import { type Headers, parseHeaderBlock, parseStructured } from "./header.js";
import { LIMITS } from "./limits.js";
import { decodeTransfer } from "./transfer.js";

export interface MimePart {
  headers: Headers;
  /** Lower-cased media type, "text/plain" when absent (RFC 2045 section 5.2). */
  type: string;
  params: Record<string, string>;
  /** Raw body, still transfer-encoded, as a binary string with LF line ends. */
  rawBody: string;
  /** Children of a multipart. */
  parts: MimePart[];
  /**
   * The enclosed message of a message/rfc822 (or message/global) part: its headers only (its
   * body is not walked). For the full tree use `MailView.enclosed(part)`.
   */
  message: MimePart | null;
  /** The enclosed message as text (transfer-decoded), for a full walk on demand. */
  messageRaw: string | null;
  depth: number;
}

interface WalkState {
  parts: number;
}

/** Normalise CRLF and bare CR (classic Mac) line ends to LF. */
export function normaliseLineEnds(binary: string): string {
  if (!binary.includes("\r")) return binary;
  return binary.replace(/\r\n?/g, "\n");
}

/** Parse a whole message given as a binary (latin1) string. */
export function walkMime(binary: string): MimePart {
  return parseEntity(normaliseLineEnds(binary), 0, { parts: 0 }, "text/plain");
}

function splitHeaderBody(text: string): [string, string] {
  if (text.startsWith("\n")) return ["", text.slice(1)];
  const end = text.indexOf("\n\n");
  if (end < 0) {
    // No blank line: all header if it looks like headers, else all body (truncated MIME).
    return /^[!-9;-~]+:/.test(text) ? [text, ""] : ["", text];
  }
  return [text.slice(0, end), text.slice(end + 2)];
}

function parseEntity(
  text: string,
  depth: number,
  state: WalkState,
  defaultType: string,
  headersOnly = false,
): MimePart {
  state.parts++;
  let [headBlock, body] = splitHeaderBody(text);
  let headers = parseHeaderBlock(headBlock);
  const contentType = parseStructured(headers.get("content-type"));
  let type = contentType.value?.includes("/") ? contentType.value : defaultType;
  if (depth > 0 && !headersOnly) {
    // Delivery-status parts written without the blank line after their MIME headers, or without
    // MIME headers at all: the DSN fields were read as the part's header. Give them back as its body.
    const dsnAt = DSN_TYPES.has(type) ? firstDsnField(headBlock) : -1;
    if (dsnAt >= 0) {
      body = `${headBlock.slice(dsnAt)}\n\n${body}`;
      headBlock = headBlock.slice(0, dsnAt);
      headers = parseHeaderBlock(headBlock);
    } else if (!headers.has("content-type") && headers.fields.length > 0 && headers.fields.every(isDsnField)) {
      body = `${headBlock}\n\n${body}`;
      type = "message/delivery-status";
    }
  }
  const part: MimePart = {
    headers,
    type,
    params: contentType.params,
    rawBody: body,
    parts: [],
    message: null,
    messageRaw: null,
    depth,
  };
  // An enclosed original is only read for its headers: its own MIME tree is never walked
  const canDescend = !headersOnly && depth < LIMITS.maxDepth && state.parts < LIMITS.maxParts;
  if (!canDescend) return part;
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  if (type.startsWith("multipart/") && contentType.params.boundary) {
    const childDefault = type === "multipart/digest" ? "message/rfc822" : "text/plain";
    for (const chunk of splitMultipart(body, contentType.params.boundary)) {
      if (state.parts >= LIMITS.maxParts) break;
      part.parts.push(parseEntity(chunk, depth + 1, state, childDefault));
    }
  } else if (type === "message/rfc822" || type === "message/global" || type === "message/partial") {
    const inner =
      encoding === "base64" || encoding === "quoted-printable"
        ? normaliseLineEnds(decodeTransfer(body, encoding))
        : body;
    part.message = parseEntity(inner, depth + 1, state, "text/plain", true);
    part.messageRaw = inner;
  }
  return part;
}

const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
// RFC 3464 section 2.2 and 2.3 fields (and the X-Actual-Recipient Sendmail adds)
const DSN_FIELD =
  /^(?:reporting-mta|dsn-gateway|received-from-mta|arrival-date|original-envelope-id|original-recipient|final-recipient|x-actual-recipient|action|status|remote-mta|diagnostic-code|last-attempt-date|final-log-id|will-retry-until)$/;
const DSN_FIELD_LINE =
  /^(?:reporting-mta|dsn-gateway|received-from-mta|arrival-date|original-envelope-id|original-recipient|final-recipient|x-actual-recipient|action|status|remote-mta|diagnostic-code|last-attempt-date|final-log-id|will-retry-until)[ \t]*:/im;

const isDsnField = (field: { name: string }): boolean => DSN_FIELD.test(field.name);

/** Offset of the first line of a header block that is an RFC 3464 field, or -1. */
function firstDsnField(block: string): number {
  const match = DSN_FIELD_LINE.exec(block);
  return match ? match.index : -1;
}

/** Body parts between `--boundary` delimiter lines (RFC 2046 section 5.1.1); tolerant of a missing close. */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const chunks: string[] = [];
  let pos = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`);
  if (pos < 0) return chunks;
  if (pos > 0 || !body.startsWith(delimiter)) pos += 1;
  while (pos >= 0) {
    const afterDelimiter = pos + delimiter.length;
    if (body.startsWith("--", afterDelimiter)) break; // close delimiter
    const lineEnd = body.indexOf("\n", afterDelimiter);
    if (lineEnd < 0) break;
    const next = body.indexOf(`\n${delimiter}`, lineEnd);
    if (next < 0) {
      chunks.push(body.slice(lineEnd + 1));
      break;
    }
    chunks.push(body.slice(lineEnd + 1, next));
    pos = next + 1;
    if (chunks.length >= LIMITS.maxParts) break;
  }
  return chunks;
}

/** The decoded text of a part (transfer encoding and charset), capped at maxTextBytes. */
export function partText(part: MimePart, maxBytes: number = LIMITS.maxTextBytes): string {
  const raw = part.rawBody.length > maxBytes * 1.4 ? part.rawBody.slice(0, Math.floor(maxBytes * 1.4)) : part.rawBody;
  let bytes = decodeTransfer(raw, part.headers.get("content-transfer-encoding"));
  if (bytes.length > maxBytes) bytes = bytes.slice(0, maxBytes);
  let charset = part.params.charset;
  // message/global-delivery-status (RFC 6533) is UTF-8 by definition
  if (!charset && (part.type.startsWith("message/global") || part.type === "message/delivery-status"))
    charset = "utf-8";
  const text = decodeBytes(bytes, charset, charset ? "windows-1252" : "utf-8");
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Depth-first list of every part (including enclosed messages' parts when `intoMessages`). */
export function flattenParts(root: MimePart, intoMessages = false): MimePart[] {
  const out: MimePart[] = [];
  const stack: MimePart[] = [root];
  while (stack.length > 0) {
    const part = stack.pop()!;
    out.push(part);
    if (intoMessages && part.message) stack.push(part.message);
    for (let i = part.parts.length - 1; i >= 0; i--) stack.push(part.parts[i]!);
  }
  return out;
}
