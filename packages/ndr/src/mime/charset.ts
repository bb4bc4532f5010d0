// Bytes (held as a binary/latin1 string) to text in a declared charset. An unknown or broken
// charset never throws: it falls back, because a bounce in a mislabelled charset is still a bounce.
import iconv from "iconv-lite";

const ALIASES: Record<string, string> = {
  "us-ascii": "latin1",
  ascii: "latin1",
  "ansi_x3.4-1968": "latin1",
  "iso-8859-8-i": "iso-8859-8",
  "ks_c_5601-1987": "cp949",
  "x-unknown": "utf-8",
  unknown: "utf-8",
  "x-user-defined": "windows-1252",
  utf8: "utf-8",
};

/** ISO-2022-JP (RFC 1468) is 7-bit; iconv-lite lacks it, so decode it with escapes removed. */
const SEVEN_BIT_JIS = new Set([
  "iso-2022-jp",
  "iso-2022-jp-1",
  "iso-2022-jp-2",
  "iso-2022-jp-3",
  "iso-2022-kr",
  "iso-2022-cn",
]);

export function decodeBytes(binary: string, charset: string | undefined, fallback = "windows-1252"): string {
  let name = (charset ?? "")
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (!name) name = fallback;
  name = ALIASES[name] ?? name;
  if (SEVEN_BIT_JIS.has(name)) return binary.replace(/\x1b[$()*+\-./][@A-Z]?/g, "");
  // Most bounce text is plain ASCII, which every ASCII-compatible charset decodes to itself:
  // skip the Buffer and the decoder (UTF-7/16/32 and UCS-2 are not ASCII-compatible)
  if (!NON_ASCII.test(binary) && !WIDE_OR_SHIFTED.test(name)) return binary;
  const buffer = Buffer.from(binary, "latin1");
  if (name === "utf-8" || name === "utf8") return decodeUtf8(buffer, fallback);
  try {
    if (iconv.encodingExists(name)) return iconv.decode(buffer, name);
  } catch {
    // fall through to the fallback charset
  }
  return fallback === "utf-8" ? decodeUtf8(buffer, "windows-1252") : iconv.decode(buffer, fallback);
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const WIDE_OR_SHIFTED = /^(?:utf-?(?:7|16|32)|ucs-?[24]|unicode)/;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Many "utf-8" bounces are really windows-1252 (Exchange, old Danish gateways): try strictly first. */
function decodeUtf8(buffer: Buffer, fallback: string): string {
  try {
    return strictUtf8.decode(buffer);
  } catch {
    if (fallback === "utf-8") return buffer.toString("utf8");
    return iconv.decode(buffer, fallback);
  }
}
