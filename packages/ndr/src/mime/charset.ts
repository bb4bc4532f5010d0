// Bytes (held as a binary/latin1 string) to text in a declared charset. An unknown or broken
// charset never throws: it falls back, because a bounce in a mislabelled charset is still a bounce.
// Decoding uses the runtime's own WHATWG TextDecoder (ICU: Shift_JIS, EUC-JP, GB18030,
// Big5, EUC-KR, the ISO-8859 and Windows code pages, KOI8, UTF-16): no tables to load or build in
// JavaScript, which iconv-lite did at every start-up (a fifth of a short `parse` run's CPU time).

/** Labels mail software writes that the WHATWG Encoding Standard does not know, to ones it does. */
const ALIASES: Record<string, string> = {
  "ansi_x3.4-1968": "windows-1252",
  ascii: "windows-1252",
  "us-ascii": "windows-1252",
  "iso-8859-8-i": "iso-8859-8",
  cp949: "euc-kr",
  "ks_c_5601-1987": "euc-kr",
  cp932: "shift_jis",
  ms932: "shift_jis",
  "x-sjis": "shift_jis",
  cp936: "gbk",
  "x-unknown": "utf-8",
  unknown: "utf-8",
  "x-user-defined": "windows-1252",
  utf8: "utf-8",
};

type Decoder = InstanceType<typeof TextDecoder>;

/** One decoder per label, created on first use; null when the runtime does not know the label. */
const DECODERS = new Map<string, Decoder | null>();

function decoderFor(name: string): Decoder | null {
  let decoder = DECODERS.get(name);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(name);
    } catch {
      decoder = null; // RangeError: a label no encoding answers to
    }
    DECODERS.set(name, decoder);
  }
  return decoder;
}

export function decodeBytes(binary: string, charset: string | undefined, fallback = "windows-1252"): string {
  let name = (charset ?? "")
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (!name) name = fallback;
  name = ALIASES[name] ?? name;
  // 7-bit ISO-2022 text keeps its bytes with the escape sequences dropped, as it always has here:
  // the format modules and Sisimai's expectations read Japanese bounces in that form (decoding it
  // properly changes which Domino/Notes wording matches; left for a change of its own)
  if (name.startsWith("iso-2022-")) return binary.replace(/\x1b[$()*+\-./][@A-Z]?/g, "");
  // Most bounce text is plain ASCII, which every ASCII-compatible charset decodes to itself:
  // skip the Buffer and the decoder (UTF-7/16/32 and UCS-2 are not)
  if (!NON_ASCII.test(binary) && !WIDE_OR_SHIFTED.test(name)) return binary;
  const buffer = Buffer.from(binary, "latin1");
  if (name === "utf-8") return decodeUtf8(buffer, fallback);
  const decoder = decoderFor(name);
  if (decoder) return decoder.decode(buffer);
  return fallback === "utf-8" ? decodeUtf8(buffer, "windows-1252") : (decoderFor(fallback) ?? LATIN).decode(buffer);
}

/**
 * The text of an RFC 2047 encoded word. Unlike body text, an ISO-2022-JP word is decoded for
 * real: subjects and names are shown to people, and no module matches wording in them.
 */
export function decodeWordBytes(binary: string, charset: string): string {
  const name = ALIASES[charset] ?? charset;
  const decoder = name.startsWith("iso-2022-") ? decoderFor(name) : null;
  if (!decoder) return decodeBytes(binary, charset);
  // Adjacent words are joined; where one word returned to ASCII and the next switches straight
  // back, the pair of escapes is a no-op that the WHATWG decoder would flag: drop the first
  return decoder.decode(Buffer.from(binary.replace(/\x1b\([BJ](?=\x1b)/g, ""), "latin1"));
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const WIDE_OR_SHIFTED = /^(?:utf-?(?:7|16|32)|ucs-?[24]|unicode)/;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const LATIN = new TextDecoder("windows-1252");

/** Many "utf-8" bounces are really windows-1252 (Exchange, old Danish gateways): try strictly first. */
function decodeUtf8(buffer: Buffer, fallback: string): string {
  try {
    return strictUtf8.decode(buffer);
  } catch {
    if (fallback === "utf-8") return buffer.toString("utf8");
    return (decoderFor(fallback) ?? LATIN).decode(buffer);
  }
}
