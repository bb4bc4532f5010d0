// RFC 5322 header blocks: split, unfold, decode RFC 2047 encoded words and raw 8-bit (RFC 6532)
// text, and read structured parameters (RFC 2045 + RFC 2231). Linear, never regex-backtracking.
import { decodeBytes, decodeWordBytes } from "./charset.js";
import { LIMITS } from "./limits.js";

export interface HeaderField {
  /** Lower-cased field name. */
  name: string;
  /** Unfolded value, decoded to text (encoded words left for `decodeWords`). */
  value: string;
}

const NONE: readonly string[] = [];

export class Headers {
  /** name -> values, built on first lookup: dozens of modules ask the same few fields. */
  private index: Map<string, string[]> | null = null;

  constructor(readonly fields: HeaderField[]) {}

  private lookup(name: string): readonly string[] {
    if (this.index === null) {
      this.index = new Map();
      for (const field of this.fields) {
        const list = this.index.get(field.name);
        if (list) list.push(field.value);
        else this.index.set(field.name, [field.value]);
      }
    }
    const hit = this.index.get(name);
    if (hit !== undefined) return hit;
    // callers mostly ask in lower case already; only a mixed-case name needs a second look
    const lower = name.toLowerCase();
    return lower === name ? NONE : (this.index.get(lower) ?? NONE);
  }

  get(name: string): string | null {
    return this.lookup(name)[0] ?? null;
  }

  getAll(name: string): string[] {
    return [...this.lookup(name)];
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** The value with RFC 2047 encoded words decoded. */
  text(name: string): string | null {
    const value = this.get(name);
    return value === null ? null : decodeWords(value);
  }
}

// =?charset[*language]?B|Q?text?= (RFC 2047 section 2, RFC 2231 section 5). Bounded, no backtracking.
const ENCODED_WORD = /=\?([^?\s]{1,64})\?([BbQq])\?([^?]{0,4096})\?=/g;

/**
 * Decode RFC 2047 encoded words; never throws (an unknown charset falls back to windows-1252).
 * Whitespace between two encoded words is dropped (section 6.2), and adjacent words in the same
 * charset are decoded as one byte run, so a multi-byte character split across words survives.
 */
export function decodeWords(value: string): string {
  if (!value.includes("=?")) return value;
  let out = "";
  let last = 0;
  let runCharset = "";
  let runBytes = "";
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const charset = match[1]!.split("*")[0]!.toLowerCase();
    const bytes = match[2] === "B" || match[2] === "b" ? fromBase64(match[3]!) : fromQ(match[3]!);
    const adjacent = runCharset !== "" && between.trim() === "";
    if (adjacent && charset === runCharset) runBytes += bytes;
    else {
      if (runCharset) out += decodeWordBytes(runBytes, runCharset);
      if (!adjacent) out += between;
      runCharset = charset;
      runBytes = bytes;
    }
    last = match.index + match[0].length;
  }
  if (runCharset) out += decodeWordBytes(runBytes, runCharset);
  return out + value.slice(last);
}

function fromBase64(text: string): string {
  return Buffer.from(text, "base64").toString("latin1");
}

/** The "Q" encoding: quoted-printable where "_" stands for a space (RFC 2047 section 4.2). */
function fromQ(text: string): string {
  return text
    .replace(/_/g, " ")
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Header text is binary (latin1) here; 8-bit bytes are UTF-8 (RFC 6532) or else windows-1252. */
const EIGHT_BIT = /[\x80-\xff]/;

function decodeHeaderBytes(binary: string): string {
  return EIGHT_BIT.test(binary) ? decodeBytes(binary, "utf-8", "windows-1252") : binary;
}

/**
 * Parse a header block (binary string, LF line ends). Lines that are neither a field nor a
 * continuation (an mbox "From " line, garbage) are skipped, as most MUAs do.
 */
const PARAMETER_LINE = /^[A-Za-z][\w.-]*\*?(?:\d+\*?)?=/;

export function parseHeaderBlock(block: string): Headers {
  // One pass over the lines, no closures: this runs for every header block of every message
  const fields: HeaderField[] = [];
  const eightBit = EIGHT_BIT.test(block); // most blocks are ASCII: skip the per-field charset check
  let name = "";
  let value = "";
  let start = 0;
  while (start <= block.length) {
    let end = block.indexOf("\n", start);
    if (end < 0) end = block.length;
    let line = block.slice(start, end);
    start = end + 1;
    if (line.length > LIMITS.maxHeaderValue) line = line.slice(0, LIMITS.maxHeaderValue);
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (name && value.length < LIMITS.maxHeaderValue) {
        const piece = line.trim();
        value = value ? `${value} ${piece}` : piece;
      }
      continue;
    }
    // A parameter list folded without the leading blank some MTAs forget (Apache James writes
    // "Content-Type: multipart/alternative;" then "boundary=..." at column 0): still the same field
    if (name && value.endsWith(";") && PARAMETER_LINE.test(line)) {
      value = `${value} ${line.trim()}`;
      continue;
    }
    if (name) pushField(fields, name, value, eightBit);
    name = "";
    value = "";
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const fieldName = line.slice(0, colon).trim().toLowerCase();
    if (!fieldName || fieldName.includes(" ")) continue;
    name = fieldName;
    value = line.slice(colon + 1).trim();
  }
  if (name) pushField(fields, name, value, eightBit);
  return new Headers(fields);
}

function pushField(fields: HeaderField[], name: string, value: string, eightBit: boolean): void {
  if (fields.length < LIMITS.maxHeaderFields)
    fields.push({ name, value: eightBit ? decodeHeaderBytes(value.trim()) : value.trim() });
}

export interface ParsedValue {
  value: string;
  params: Record<string, string>;
}

/** `text/plain; charset="iso-8859-1"; name*=utf-8''%C3%A6.txt` -> value + lower-cased params. */
export function parseStructured(input: string | null): ParsedValue {
  if (!input) return { value: "", params: {} };
  const pieces = splitOutsideQuotes(input, ";");
  // Some MTAs omit the ";" ("text/plain charset=iso-2022-jp"): the media type is the first
  // token (RFC 2045 section 5.1 allows no space in it) and the rest is read as a parameter.
  const first = (pieces.shift() ?? "").trim();
  const space = first.search(/\s/);
  const value = (space > 0 ? first.slice(0, space) : first).toLowerCase();
  if (space > 0) pieces.unshift(first.slice(space));
  const raw: Record<string, string> = {};
  for (const piece of pieces) {
    const eq = piece.indexOf("=");
    if (eq <= 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    let val = piece.slice(eq + 1).trim();
    if (val.startsWith('"'))
      val = val.slice(1, val.endsWith('"') && val.length > 1 ? -1 : undefined).replace(/\\(.)/g, "$1");
    raw[key] = val;
  }
  return { value, params: joinRfc2231(raw) };
}

function splitOutsideQuotes(input: string, separator: string): string[] {
  if (!input.includes('"')) return input.split(separator);
  const out: string[] = [];
  let quoted = false;
  let current = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (ch === "\\" && quoted) {
      current += ch + (input[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/** RFC 2231 continuations (`name*0*=`) and charset'lang'percent-encoding. */
function joinRfc2231(raw: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  const continued: Record<string, { index: number; value: string; encoded: boolean }[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.includes("*")) {
      params[key] = value;
      continue;
    }
    const match = /^([^*]+)\*(?:(\d+)\*?)?$/.exec(key);
    if (!match) {
      params[key] = value;
      continue;
    }
    const base = match[1]!;
    (continued[base] ??= []).push({ index: Number(match[2] ?? 0), value, encoded: key.endsWith("*") });
  }
  for (const [base, chunks] of Object.entries(continued)) {
    chunks.sort((a, b) => a.index - b.index);
    let charset = "utf-8";
    let text = "";
    for (const chunk of chunks) {
      let value = chunk.value;
      if (chunk.encoded && chunk.index === 0) {
        const parts = value.split("'");
        if (parts.length >= 3) {
          charset = parts[0] || "utf-8";
          value = parts.slice(2).join("'");
        }
      }
      text += chunk.encoded
        ? value.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        : value;
    }
    params[base] = decodeBytes(text, charset, "utf-8");
  }
  return params;
}
