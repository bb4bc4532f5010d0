import { describe, expect, it } from "vitest";
import { decodeWords, parseHeaderBlock } from "./header.js";

describe("decodeWords (RFC 2047)", () => {
  it("decodes B and Q words and drops the blanks between adjacent words", () => {
    expect(decodeWords("=?utf-8?B?w4ZyZ8OmcmxpZw==?= =?utf-8?Q?_dag?=")).toBe("Ærgærlig dag");
    expect(decodeWords("Re: =?iso-8859-1?Q?K=F8benhavn?= kontor")).toBe("Re: København kontor");
  });

  it("joins a multi-byte character split across two words of one charset", () => {
    // "ø" is C3 B8 in UTF-8: one byte in each word
    expect(decodeWords("=?UTF-8?B?U8M=?= =?UTF-8?B?uG4=?=")).toBe("Søn");
  });

  it("decodes ISO-2022-JP words, also one continuing where the last stopped", () => {
    expect(decodeWords("=?ISO-2022-JP?B?GyRCJUslYyE8JXMbKEI=?=")).toBe("ニャーン");
    expect(decodeWords("=?iso-2022-jp?B?GyRCJUsbKEI=?= =?iso-2022-jp?B?GyRCJWMhPCVzGyhC?=")).toBe("ニャーン");
  });

  it("never throws: an unknown charset falls back, a broken word stays as written", () => {
    expect(decodeWords("=?x-nonsense?Q?abc?=")).toBe("abc");
    expect(decodeWords("=?utf-8?Q?unterminated")).toBe("=?utf-8?Q?unterminated");
  });
});

describe("parseHeaderBlock", () => {
  it("keeps a parameter folded without the leading blank in its field", () => {
    const headers = parseHeaderBlock('Content-Type: multipart/alternative;\nboundary="b1"\nSubject: x');
    expect(headers.get("content-type")).toBe('multipart/alternative; boundary="b1"');
    expect(headers.get("subject")).toBe("x");
  });
});
